package com.example.movies.server;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.example.movies.web.error.JsonErrorReportValve;

/**
 * The server's limits, in front of everything else, and Tomcat's own refusals in the
 * contract's shape.
 */
@Configuration(proxyBeanMethods = false)
class ServerConfig {

    /**
     * First of all filters (after the character encoding), so that no other one reads an
     * oversized body.
     */
    @Bean
    FilterRegistrationBean<RequestLimits> requestLimits(RequestLimitProperties limits) {
        FilterRegistrationBean<RequestLimits> registration = new FilterRegistrationBean<>(
                new RequestLimits(limits.maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Right after the body limit: a request waits for its turn before any other work is
     * done for it.
     */
    @Bean
    FilterRegistrationBean<RequestAdmission> requestAdmission(RequestLimitProperties limits) {
        FilterRegistrationBean<RequestAdmission> registration = new FilterRegistrationBean<>(
                new RequestAdmission(limits.activeRequests(), limits.maxWait()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Requests Tomcat refuses before the application are answered in the contract's shape
     * too. Tomcat parses at most 10 locales of an {@code Accept-Language} by default and
     * fails every later {@code getLocale()} (a 500); the header's size (8 KB) already
     * bounds the work, so the count is not limited further.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatRequestHandling() {
        return (factory) -> {
            factory.addContextCustomizers((context) -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                }
            });
            factory.addConnectorCustomizers((connector) -> connector.setMaxLocaleCount(Integer.MAX_VALUE));
        };
    }

}
