/**
 * Mail out: the transport chosen at start (Amazon SES, SMTP or none), and messages
 * rendered from the templates under resources/mail.
 */
package com.example.movies.mail;
