package com.brandcluster.platform.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code brandcluster.web.*}.
 *
 * @param maxRequestBytes       the largest request body accepted (by {@code Content-Length}, and counted while reading a
 *                              chunked body); larger ones get 413. Default 1MB.
 * @param maxRequestBytesByPath larger (or smaller) limits for some paths, keyed by a path pattern, e.g.
 *                              {@code brandcluster.web.max-request-bytes-by-path[/api/assets/**]=200MB}; the first
 *                              matching pattern wins
 */
@ConfigurationProperties("brandcluster.web")
public record WebDefaultsProperties(@DefaultValue("1MB") DataSize maxRequestBytes,
                                    Map<String, DataSize> maxRequestBytesByPath) {

    public WebDefaultsProperties {
        maxRequestBytesByPath = maxRequestBytesByPath == null ? Map.of() : Map.copyOf(maxRequestBytesByPath);
    }
}
