package com.example.movies.database;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applies {@link DatabaseProperties} to the pool when it connects to PostgreSQL. The
 * embedded H2 of the local default refuses driver properties it does not know, so it is
 * left alone.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean
    static BeanPostProcessor postgresSessionTimeouts(ObjectProvider<DatabaseProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
                        && dataSource.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    properties.getObject().applyTo(dataSource);
                }
                return bean;
            }
        };
    }

}
