package com.example.movies.web.request;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Controllers take a {@link DrfBody} argument for a body read the way DRF reads it. */
@Configuration(proxyBeanMethods = false)
class DrfBodyConfig implements WebMvcConfigurer {

    private final JsonMapper jsonMapper;

    DrfBodyConfig(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new DrfBodyResolver(this.jsonMapper));
    }

}
