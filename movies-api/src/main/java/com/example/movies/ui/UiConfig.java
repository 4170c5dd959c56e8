package com.example.movies.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Boot's own static mapping is off (spring.web.resources.add-mappings=false): the UI's
 * files come from here.
 */
@Configuration(proxyBeanMethods = false)
class UiConfig implements WebMvcConfigurer {

    private final Ui ui;

    UiConfig(Ui ui) {
        this.ui = ui;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        this.ui.index()
            .ifPresent((index) -> registry.addResourceHandler("/**")
                .addResourceLocations(this.ui.location())
                .resourceChain(true)
                .addResolver(new SpaFallbackResolver(index)));
    }

}
