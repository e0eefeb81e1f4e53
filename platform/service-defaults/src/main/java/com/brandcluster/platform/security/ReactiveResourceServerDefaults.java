package com.brandcluster.platform.security;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;

/**
 * The platform's reactive resource-server setup as reusable steps, for a gateway that builds its own
 * {@code SecurityWebFilterChain} (e.g. adding {@code oauth2Login} for browser sessions):
 *
 * <pre>{@code
 * @Bean
 * SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveResourceServerDefaults defaults) {
 *     defaults.resourceServer(http);                      // bearer JWTs + 401/403 problem details
 *     http.oauth2Login(withDefaults());
 *     http.authorizeExchange(defaults::authorize);        // public endpoints, ReactiveHttpAuthorizations, authenticated
 *     return http.build();
 * }
 * }</pre>
 * Without such a bean the platform's own chain applies: stateless, CSRF off, bearer tokens only.
 */
public final class ReactiveResourceServerDefaults {

    /** Always public: health (with its probe groups), info, Prometheus. */
    public static final String[] PUBLIC_PATHS = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus"};

    private final ReactiveJwtDecoder jwtDecoder;
    private final Converter<Jwt, AbstractAuthenticationToken> authenticationConverter;
    private final ProblemServerAuthenticationEntryPoint entryPoint;
    private final ProblemServerAccessDeniedHandler accessDeniedHandler;
    private final List<ReactiveHttpAuthorizations> authorizations;

    ReactiveResourceServerDefaults(ReactiveJwtDecoder jwtDecoder,
            Converter<Jwt, AbstractAuthenticationToken> authenticationConverter,
            ProblemServerAuthenticationEntryPoint entryPoint, ProblemServerAccessDeniedHandler accessDeniedHandler,
            List<ReactiveHttpAuthorizations> authorizations) {
        this.jwtDecoder = jwtDecoder;
        this.authenticationConverter = authenticationConverter;
        this.entryPoint = entryPoint;
        this.accessDeniedHandler = accessDeniedHandler;
        this.authorizations = List.copyOf(authorizations);
    }

    /** Bearer JWT validation (Keycloak realm roles as {@code ROLE_*}) and 401/403 as problem details. */
    public ServerHttpSecurity resourceServer(ServerHttpSecurity http) {
        return http
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(authenticationConverter)))
                        .authenticationEntryPoint(entryPoint)
                        .authenticationFailureHandler(failureHandler())
                        .accessDeniedHandler(accessDeniedHandler))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler));
    }

    /** Failed authentication to the entry point, also when the keys cannot be fetched (a 503, not an error). */
    private ServerAuthenticationEntryPointFailureHandler failureHandler() {
        ServerAuthenticationEntryPointFailureHandler handler = new ServerAuthenticationEntryPointFailureHandler(entryPoint);
        handler.setRethrowAuthenticationServiceException(false);
        return handler;
    }

    /** The public actuator endpoints, then every {@link ReactiveHttpAuthorizations}, then authenticated. */
    public void authorize(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(PUBLIC_PATHS).permitAll();
        authorizations.forEach(customizer -> customizer.customize(exchanges));
        exchanges.anyExchange().authenticated();
    }

    public ProblemServerAuthenticationEntryPoint entryPoint() {
        return entryPoint;
    }

    public ProblemServerAccessDeniedHandler accessDeniedHandler() {
        return accessDeniedHandler;
    }
}
