package com.example.movies.system;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	private final JsonMapper jsonMapper;

	private final Ui ui;

	WebConfig(JsonMapper jsonMapper, Ui ui) {
		this.jsonMapper = jsonMapper;
		this.ui = ui;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new RequestDataResolver(this.jsonMapper));
	}

	/** Boot's own static mapping is off (spring.web.resources.add-mappings=false): the UI's files come from here. */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		this.ui.index()
			.ifPresent((index) -> registry.addResourceHandler("/**")
				.addResourceLocations(this.ui.location())
				.resourceChain(true)
				.addResolver(new SpaFallbackResolver(index)));
	}

}
