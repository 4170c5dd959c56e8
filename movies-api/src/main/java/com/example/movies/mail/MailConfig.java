package com.example.movies.mail;

import java.util.Properties;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.ses.SimpleEmailServiceJavaMailSender;
import software.amazon.awssdk.services.ses.SesClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * The account mails' transport, chosen when the application starts: Amazon SES where
 * {@code spring.cloud.aws.ses.enabled} is true (Spring Cloud AWS's sender, with the task
 * role's credentials and region), else SMTP where {@code spring.mail.host} is set (from
 * Boot's {@code spring.mail.*} settings), else none: the mail is logged. Boot's and
 * Spring Cloud AWS's own mail auto-configurations make the same choice with
 * {@code @Conditional}s, which the image's Spring AOT evaluates once, when the image is
 * built: they are excluded (application.yaml), so that a deployment's mail setting is
 * never silently ignored.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfig {

    @Bean
    MailTransport mailTransport(Environment environment, MailProperties smtp,
            ObjectProvider<AwsClientBuilderConfigurer> aws, ObjectProvider<SslBundles> sslBundles) {
        if (environment.getProperty("spring.cloud.aws.ses.enabled", Boolean.class, false)) {
            SesClient ses = aws.getObject().configure(SesClient.builder()).build();
            return new MailTransport(new SimpleEmailServiceJavaMailSender(ses), "Amazon SES");
        }
        if (StringUtils.hasText(smtp.getHost())) {
            return new MailTransport(smtpSender(smtp, sslBundles), "SMTP at " + smtp.getHost());
        }
        return MailTransport.NONE;
    }

    /**
     * As Boot's own SMTP sender is made from {@code spring.mail.*}, TLS settings and
     * bundle included (no JNDI session).
     */
    private static JavaMailSenderImpl smtpSender(MailProperties smtp, ObjectProvider<SslBundles> sslBundles) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.getHost());
        if (smtp.getPort() != null) {
            sender.setPort(smtp.getPort());
        }
        sender.setUsername(smtp.getUsername());
        sender.setPassword(smtp.getPassword());
        sender.setProtocol(smtp.getProtocol());
        if (smtp.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(smtp.getDefaultEncoding().name());
        }
        Properties properties = new Properties();
        properties.putAll(smtp.getProperties());
        String protocol = StringUtils.hasLength(smtp.getProtocol()) ? smtp.getProtocol() : "smtp";
        MailProperties.Ssl ssl = smtp.getSsl();
        if ((ssl.isEnabled() || StringUtils.hasLength(ssl.getBundle())) && ssl.isVerifyHostname()) {
            properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        if (ssl.isEnabled()) {
            properties.setProperty("mail." + protocol + ".ssl.enable", "true");
        }
        if (StringUtils.hasLength(ssl.getBundle())) {
            SslBundle bundle = sslBundles.getObject().getBundle(ssl.getBundle());
            properties.put("mail." + protocol + ".ssl.socketFactory", bundle.createSslContext().getSocketFactory());
        }
        sender.setJavaMailProperties(properties);
        return sender;
    }

}
