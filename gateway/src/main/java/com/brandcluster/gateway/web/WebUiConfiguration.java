package com.brandcluster.gateway.web;

import java.time.Duration;

import com.brandcluster.platform.security.ReactiveHttpAuthorizations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web UI: the single-page app (a jar with {@code static/index.html} and hashed files under
 * {@code static/assets/} on the classpath) and the services' committed OpenAPI documents.
 * <ul>
 * <li>{@code /} and every client-side route (a GET or HEAD for an HTML page outside the gateway's own paths, whose last
 * segment is no file name) answer {@code index.html}, {@code Cache-Control: no-cache};</li>
 * <li>{@code /assets/**}: the hashed files, cached for a year ({@code immutable}); a missing one is a 404;</li>
 * <li>{@code /openapi/<service>.json}: the documents (copied from the repository's {@code openapi/} folder by the
 * build), {@code no-cache};</li>
 * <li>without the SPA (a backend-only build) {@code /} and the client routes answer 404 with a short page that points
 * to the API documentation at {@code /swagger-ui.html}.</li>
 * </ul>
 * All of it is public: anonymous browsers load the app, which then asks {@code /api/session} who is logged in.
 */
@Configuration(proxyBeanMethods = false)
class WebUiConfiguration implements WebFluxConfigurer {

    static final String INDEX = "static/index.html";
    static final CacheControl HASHED_FILES = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    /** Paths that are never the SPA's, whatever the request accepts. */
    static final String[] GATEWAY_PATHS = {"/api", "/actuator", "/login", "/logout", "/oauth2", "/openapi",
            "/swagger-ui", "/v3/api-docs", "/webjars", "/assets"};

    static final String NO_UI_PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Brand Cluster Portal</title></head>
            <body><h1>Brand Cluster Portal</h1>
            <p>The web UI is not part of this build. The APIs are described at
            <a href="/swagger-ui.html">/swagger-ui.html</a>.</p></body></html>
            """;

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/assets/")
                .setCacheControl(HASHED_FILES);
        registry.addResourceHandler("/openapi/**").addResourceLocations("classpath:/openapi/")
                .setCacheControl(CacheControl.noCache());
    }

    @Bean
    RouterFunction<ServerResponse> singlePageApp() {
        return singlePageApp(new ClassPathResource(INDEX));
    }

    static RouterFunction<ServerResponse> singlePageApp(Resource index) {
        return RouterFunctions.route(clientRoute(), request -> index.exists()
                ? ServerResponse.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML)
                        .bodyValue(index)
                : ServerResponse.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noCache())
                        .contentType(MediaType.TEXT_HTML).bodyValue(NO_UI_PAGE));
    }

    /** Static pages, the app's routes and files, the API documentation: GET (and HEAD) without a login. */
    @Bean
    ReactiveHttpAuthorizations webUiIsPublic() {
        ServerWebExchangeMatcher pages = exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
            return read && !path.startsWith("/api/") && !path.startsWith("/actuator/")
                    ? MatchResult.match() : MatchResult.notMatch();
        };
        return exchanges -> exchanges.matchers(pages).permitAll();
    }

    static RequestPredicate clientRoute() {
        return request -> (HttpMethod.GET.equals(request.method()) || HttpMethod.HEAD.equals(request.method()))
                && isClientRoute(request.path())
                && ("/".equals(request.path()) || acceptsHtml(request));
    }

    static boolean isClientRoute(String path) {
        for (String prefix : GATEWAY_PATHS) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return false;
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    private static boolean acceptsHtml(ServerRequest request) {
        return request.headers().accept().stream().anyMatch(type -> type.isConcrete()
                && type.isCompatibleWith(MediaType.TEXT_HTML));
    }
}
