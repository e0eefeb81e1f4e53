package com.brandcluster.platform.openapi;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code brandcluster.openapi.*}: the info block of the service's OpenAPI document.
 *
 * @param title       defaults to {@code <spring.application.name> API}
 * @param description what the service's API is for
 * @param version     the document's version; it names the API's generation, not the build, so that the committed
 *                    document does not change with every release
 */
@ConfigurationProperties("brandcluster.openapi")
public record OpenApiProperties(@Nullable String title, @Nullable String description,
                                @DefaultValue("1") String version) {
}
