package com.example.movies.e2e.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's nginx serving the frontend build with the frontend's own nginx configuration
 * ({@code nginx/nginx.conf} and {@code nginx/templates/}), started the way the frontend
 * image's entrypoint starts it: each {@code templates/X.template} is rendered into the
 * configuration directory as {@code X}, replacing every {@code ${VAR}} whose variable is
 * set (envsubst over the defined variables) and leaving all other text alone; then nginx
 * runs in the foreground.
 *
 * <p>
 * A test process must not need root, port 8080 or the image's directories, so the image's
 * paths are mapped to this run's work directory in every file: the document root to the
 * build, {@code /etc/nginx/conf.d} to the rendered configuration, {@code /tmp} to a temp
 * directory; and the listen port 8080 to a free one.
 */
final class NginxFrontend implements AutoCloseable {

    /** The image's layout, see the frontend README's "nginx image contract". */
    private static final String IMAGE_DOCUMENT_ROOT = "/usr/share/nginx/html";

    private static final String IMAGE_CONF_DIR = "/etc/nginx/conf.d";

    private static final String IMAGE_TEMP_DIR = "/tmp/";

    private static final int IMAGE_PORT = 8080;

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final LocalProcess nginx;

    private NginxFrontend(LocalProcess nginx) {
        this.nginx = nginx;
    }

    static NginxFrontend start(Path frontendDir, Path workDir, int port, URI apiUrl) throws Exception {
        Path nginxProgram = Programs.nginx()
            .orElseThrow(() -> new IllegalStateException(
                    "No nginx on the PATH: install it (Debian: apt-get install -y nginx), or run a Docker engine for the containers stack"));
        Path build = frontendDir.resolve("target/dist").toAbsolutePath();
        if (!Files.isRegularFile(build.resolve("index.html"))) {
            throw new IllegalStateException(
                    "No frontend build at " + build + ": build it first with ./mvnw -B -pl frontend package");
        }
        Path work = workDir.toAbsolutePath();
        Path confD = work.resolve("conf.d");
        Path temp = work.resolve("tmp");
        Files.createDirectories(confD);
        Files.createDirectories(temp);
        Map<String, String> imagePaths = Map.of(IMAGE_DOCUMENT_ROOT, build.toString(), IMAGE_CONF_DIR, confD.toString(),
                IMAGE_TEMP_DIR, temp + "/");

        Path mainConfig = work.resolve("nginx.conf");
        Files.writeString(mainConfig,
                relocate(Files.readString(frontendDir.resolve("nginx/nginx.conf")), imagePaths, port));
        Path templates = frontendDir.resolve("nginx/templates");
        Map<String, String> environment = Map.of("API_BASE_URL", apiUrl.toString());
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path template : files.filter(p -> p.toString().endsWith(".template")).toList()) {
                String relative = templates.relativize(template).toString();
                Path rendered = confD.resolve(relative.substring(0, relative.length() - ".template".length()));
                Files.createDirectories(rendered.getParent());
                Files.writeString(rendered,
                        relocate(substitute(Files.readString(template), environment), imagePaths, port));
            }
        }

        LocalProcess nginx = LocalProcess.start("nginx", List.of(nginxProgram.toString(), "-e", "stderr", "-p",
                work.toString(), "-c", mainConfig.toString(), "-g", "daemon off;"), Map.of(),
                work.resolve("nginx.log"));
        try {
            nginx.awaitOk(URI.create("http://localhost:" + port + "/healthz"), Duration.ofSeconds(15));
        }
        catch (Exception e) {
            nginx.close();
            throw e;
        }
        return new NginxFrontend(nginx);
    }

    /**
     * envsubst restricted to the variables that are set, as the image's entrypoint calls
     * it.
     */
    static String substitute(String text, Map<String, String> environment) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = environment.get(matcher.group(1));
            matcher.appendReplacement(result, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /**
     * Maps the image's paths in one pass, so that a mapped path (say under /tmp) is not
     * mapped again.
     */
    private static String relocate(String configuration, Map<String, String> imagePaths, int port) {
        Pattern imagePath = Pattern.compile(
                imagePaths.keySet().stream().map(Pattern::quote).collect(java.util.stream.Collectors.joining("|")));
        String relocated = imagePath.matcher(configuration)
            .replaceAll(match -> Matcher.quoteReplacement(imagePaths.get(match.group())));
        return relocated.replaceAll("listen(\\s+)(\\[::]:)?" + IMAGE_PORT + "\\b", "listen$1$2" + port);
    }

    @Override
    public void close() {
        nginx.close();
    }

}
