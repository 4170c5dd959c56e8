package com.example.movies.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/**
 * A mail's text from {@code mail/<name>.txt}: its first line is the subject, the rest the
 * body, where {@code {name}} stands for a value. A paragraph that names a value not given
 * (such as the frontend's {@code link} where its URL is unknown) is left out.
 */
public record MailTemplate(String name) {

    private static final Pattern VALUE = Pattern.compile("\\{(\\w+)}");

    /** The subject and the text, with the values filled in. */
    public Message render(Map<String, String> values) {
        String[] template = read().split("\n", 2);
        String text = Pattern.compile("\n\n")
            .splitAsStream(template[1].strip())
            .filter((paragraph) -> VALUE.matcher(paragraph).results().allMatch((m) -> values.get(m.group(1)) != null))
            .map((paragraph) -> VALUE.matcher(paragraph)
                .replaceAll((m) -> Matcher.quoteReplacement(values.get(m.group(1)))))
            .collect(Collectors.joining("\n\n", "", "\n"));
        return new Message(template[0].strip(), text);
    }

    private String read() {
        try {
            return new ClassPathResource("mail/" + this.name + ".txt").getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No mail template " + this.name, ex);
        }
    }

    /** A rendered mail. */
    public record Message(String subject, String text) {
    }

}
