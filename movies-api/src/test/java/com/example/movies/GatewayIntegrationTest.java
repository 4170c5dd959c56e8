package com.example.movies;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link PostgresIntegrationTest}'s app configured as deployed: behind the gateway, whose
 * {@code X-Client-Ip} it trusts (as the prod profile sets; Tomcat trusts the header from
 * loopback and private addresses), mailing through an SMTP relay (a slow one,
 * {@link SlowSmtpServer}). Every class with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PostgresIntegrationTest
@Import(SlowSmtpServer.class)
@TestPropertySource(properties = { "server.forward-headers-strategy=native",
        "server.tomcat.remoteip.remote-ip-header=X-Client-Ip", "spring.mail.host=127.0.0.1" })
public @interface GatewayIntegrationTest {

}
