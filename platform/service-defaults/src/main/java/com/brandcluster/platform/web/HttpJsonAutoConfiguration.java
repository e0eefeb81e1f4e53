package com.brandcluster.platform.web;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.converter.autoconfigure.ClientHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * HTTP JSON is strict where the service is the server and tolerant where it is the client. The application's
 * {@code JsonMapper} refuses unknown properties (a request body with one is a 400 naming it); HTTP clients built
 * by Boot ({@code RestClient.Builder}, {@code RestTemplateBuilder}) and Feign read responses with a copy of it that
 * ignores unknown properties, so a newer version of a called service (or Keycloak's admin API) can add fields.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration"})
@ConditionalOnClass({JsonMapper.class, ClientHttpMessageConvertersCustomizer.class})
public final class HttpJsonAutoConfiguration {

    /** Runs after Boot's own customisers, so its JSON converter is the one clients use. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnBean(JsonMapper.class)
    ClientHttpMessageConvertersCustomizer tolerantClientJsonConverter(JsonMapper jsonMapper) {
        JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter(tolerant(jsonMapper));
        return builder -> builder.withJsonConverter(converter);
    }

    /** The application's mapper (same modules and settings), ignoring unknown properties. */
    public static JsonMapper tolerant(JsonMapper applicationMapper) {
        return applicationMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }
}
