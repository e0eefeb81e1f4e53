package com.brandcluster.platform.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.security.HttpAuthorizations;

/**
 * The platform's share of a servlet service's OpenAPI document (springdoc). The document itself is served at
 * {@code /v3/api-docs} only when {@code springdoc.api-docs.enabled=true} (off by default: the documents are committed
 * under {@code openapi/} and served by the gateway); then it is public, like the committed copy.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(OpenApiProperties.class)
public final class OpenApiAutoConfiguration {

    static {
        // the authenticated caller is resolved from the token, never sent by the client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    PlatformOpenApi platformOpenApi(OpenApiProperties properties, Environment environment) {
        String application = environment.getProperty("spring.application.name", "service");
        return new PlatformOpenApi(properties.title() != null ? properties.title() : application + " API",
                properties.description(), properties.version());
    }

    @Bean
    RecordRequiredProperties recordRequiredProperties() {
        return new RecordRequiredProperties();
    }

    @Bean
    @ConditionalOnProperty(name = "springdoc.api-docs.enabled", havingValue = "true")
    HttpAuthorizations publicOpenApiDocument() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll();
    }
}
