package com.brandcluster.platform.web;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.converter.autoconfigure.ClientHttpMessageConvertersCustomizer;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * HTTP JSON is strict where the service is the server and tolerant where it is the client. The application's
 * {@code JsonMapper} refuses unknown properties (a request body with one is a 400 naming it); HTTP clients built
 * by Boot ({@code RestClient.Builder}, {@code RestTemplateBuilder}) and Feign read responses with a copy of it that
 * ignores unknown properties, so a newer version of a called service (or Keycloak's admin API) can add fields.
 * Request bodies are read within {@link #REQUEST_CONSTRAINTS}.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration"})
@ConditionalOnClass({JsonMapper.class, ClientHttpMessageConvertersCustomizer.class})
public final class HttpJsonAutoConfiguration {

    /**
     * Limits for reading a request body: nesting 64 levels (the deepest request is a handful), strings of 1 MB and
     * documents of 2 MB (above the default request-size limit of 1 MB), numbers of 100 digits, names of 1,000
     * characters.
     */
    public static final StreamReadConstraints REQUEST_CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(64).maxStringLength(1_000_000).maxDocumentLength(2_000_000L).maxNumberLength(100)
            .maxNameLength(1_000).build();

    /** Runs after Boot's own customisers, so its JSON converter is the one clients use. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnBean(JsonMapper.class)
    ClientHttpMessageConvertersCustomizer tolerantClientJsonConverter(JsonMapper jsonMapper) {
        JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter(tolerant(jsonMapper));
        return builder -> builder.withJsonConverter(converter);
    }

    /**
     * Request bodies are read by a mapper built like the application's (Boot's customisers: modules, settings) on a
     * parser with {@link #REQUEST_CONSTRAINTS}: a body nested 100,000 levels deep, or with a number of thousands of
     * digits, is refused after a few hundred bytes with a 400 problem ({@code malformed-body}), never a stack
     * overflow or a long computation.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(ServerHttpMessageConvertersCustomizer.class)
    ServerHttpMessageConvertersCustomizer constrainedServerJsonConverter(
            ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(
                JsonFactory.builder().streamReadConstraints(REQUEST_CONSTRAINTS).build());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter(builder.build());
        // the JSON converter's place, after the byte-array, string and resource converters; this customiser runs after
        // Boot's, which puts its own converter there
        return converters -> converters.withJsonConverter(converter);
    }

    /** The application's mapper (same modules and settings), ignoring unknown properties. */
    public static JsonMapper tolerant(JsonMapper applicationMapper) {
        return applicationMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }
}
