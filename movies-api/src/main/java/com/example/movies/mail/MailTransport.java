package com.example.movies.mail;

import org.springframework.mail.javamail.JavaMailSender;

/**
 * How the account mails leave (MailConfig): a sender and its name for the logs; no sender
 * (null) where none is configured.
 */
record MailTransport(JavaMailSender sender, String name) {

    static final MailTransport NONE = new MailTransport(null, "none");

}
