package com.example.movies.mail;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.ses.SesAutoConfiguration;
import io.awspring.cloud.ses.SimpleEmailServiceJavaMailSender;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail transport is decided when the application starts, from its settings: the same
 * configuration, three settings, three transports. (The image's Spring AOT fixes every
 * {@code @Conditional} at build time; this choice has none.)
 */
class MailConfigTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .withConfiguration(AutoConfigurations.of(AwsAutoConfiguration.class, CredentialsProviderAutoConfiguration.class,
                RegionProviderAutoConfiguration.class))
        .withUserConfiguration(MailConfig.class);

    @Test
    void noMailSettingsLogTheMail() {
        this.runner.run((context) -> assertThat(context.getBean(MailTransport.class)).isEqualTo(MailTransport.NONE));
    }

    @Test
    void smtpFromBootsMailSettings() {
        this.runner
            .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=2525",
                    "spring.mail.properties.mail.smtp.timeout=3000")
            .run((context) -> assertThat(context.getBean(MailTransport.class).sender())
                .isInstanceOfSatisfying(JavaMailSenderImpl.class, (smtp) -> {
                    assertThat(smtp.getHost()).isEqualTo("127.0.0.1");
                    assertThat(smtp.getPort()).isEqualTo(2525);
                    assertThat(smtp.getJavaMailProperties()).containsEntry("mail.smtp.timeout", "3000");
                }));
    }

    @Test
    void smtpOverTlsAsBootWouldMakeIt() {
        this.runner.withPropertyValues("spring.mail.host=mail.example.com", "spring.mail.ssl.enabled=true")
            .run((context) -> assertThat(context.getBean(MailTransport.class).sender()).isInstanceOfSatisfying(
                    JavaMailSenderImpl.class,
                    (smtp) -> assertThat(smtp.getJavaMailProperties()).containsEntry("mail.smtp.ssl.enable", "true")
                        .containsEntry("mail.smtp.ssl.checkserveridentity", "true")));
    }

    /** As deployed: the task's region and role credentials; nothing is sent here. */
    @Test
    void sesWhereTurnedOnEvenWithSmtpSettings() {
        this.runner
            .withPropertyValues("spring.cloud.aws.ses.enabled=true", "spring.cloud.aws.region.static=eu-west-1",
                    "spring.mail.host=127.0.0.1")
            .run((context) -> assertThat(context.getBean(MailTransport.class).sender())
                .isInstanceOf(SimpleEmailServiceJavaMailSender.class));
    }

    @Test
    void conditionalMailAutoConfigurationsAreExcluded() {
        this.runner.run((context) -> assertThat(Binder.get(context.getEnvironment())
            .bind("spring.autoconfigure.exclude", Bindable.listOf(String.class))
            .get()).contains(MailSenderAutoConfiguration.class.getName(), SesAutoConfiguration.class.getName()));
    }

}
