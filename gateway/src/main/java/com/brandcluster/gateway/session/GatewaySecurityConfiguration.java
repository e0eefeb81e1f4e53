package com.brandcluster.gateway.session;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import com.brandcluster.platform.security.ReactiveHttpAuthorizations;
import com.brandcluster.platform.security.ReactiveResourceServerDefaults;
import com.brandcluster.platform.web.Problems;
import com.brandcluster.platform.web.ReactiveProblemWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Two kinds of callers, two filter chains:
 * <ol>
 * <li><b>API clients</b> (a request with {@code Authorization: Bearer ...}): exactly the platform's resource server,
 * stateless, no session is read or written, no CSRF check (a bearer token is no ambient credential);</li>
 * <li><b>browsers</b> (everything else): OAuth2 login with Keycloak (authorization code + PKCE, confidential client
 * {@code portal-gateway}), the security context and the tokens in the server-side session (MongoDB), CSRF
 * protection for unsafe requests that carry the session cookie (cookie-to-header: {@code XSRF-TOKEN} cookie,
 * {@code X-XSRF-TOKEN} header), RP-initiated logout at Keycloak.</li>
 * </ol>
 * Anonymous requests to {@code /api/**} pass through to the services in both (they decide), and nothing ever
 * redirects to Keycloak except {@code GET /login} (or {@code /oauth2/authorization/keycloak}): a request that needs a
 * login answers 401 as a problem detail.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewaySecurityConfiguration.class);

    static final String REGISTRATION_ID = "keycloak";
    static final String SESSION_COOKIE = "SESSION";
    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    /** The session attribute holding where the browser goes after login. */
    static final String RETURN_TO = SessionController.class.getName() + ".returnTo";

    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    /** Requests of API clients: a bearer token in the {@code Authorization} header. */
    static final ServerWebExchangeMatcher BEARER_REQUESTS = exchange -> {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer", 0, 6)
                ? MatchResult.match() : MatchResult.notMatch();
    };

    /** Unsafe requests that carry the session cookie: the ones a forged cross-site request could ride on. */
    static final ServerWebExchangeMatcher UNSAFE_SESSION_REQUESTS = exchange ->
            !SAFE_METHODS.contains(exchange.getRequest().getMethod())
                    && exchange.getRequest().getCookies().containsKey(SESSION_COOKIE)
                    ? MatchResult.match() : MatchResult.notMatch();

    @Bean
    @Order(1)
    SecurityWebFilterChain apiClientSecurity(ServerHttpSecurity http, ReactiveResourceServerDefaults defaults) {
        http.securityMatcher(BEARER_REQUESTS);
        defaults.resourceServer(http)
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(defaults::authorize);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain browserSecurity(ServerHttpSecurity http, ReactiveResourceServerDefaults defaults,
            ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients, ReactiveProblemWriter problems) {
        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedServerLogoutSuccessHandler endKeycloakSession =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/");
        endKeycloakSession.setLogoutSuccessUrl(URI.create("/")); // no Keycloak login behind the session: straight home
        http
                .oauth2Login(login -> login
                        .authorizationRequestResolver(authorizationRequests)
                        .authorizedClientRepository(authorizedClients)
                        .authenticationSuccessHandler(backToWhereTheBrowserCameFrom())
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/?login=failed")))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfCookie())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(UNSAFE_SESSION_REQUESTS)
                        .accessDeniedHandler(csrfRefused(problems)))
                .logout(logout -> logout
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(endKeycloakSession))
                .addFilterAfter(new CsrfTokenCookie(), SecurityWebFiltersOrder.CSRF)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(defaults.entryPoint())
                        .accessDeniedHandler(defaults.accessDeniedHandler()))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .requestCache(cache -> cache.disable())
                .authorizeExchange(defaults::authorize);
        return http.build();
    }

    /** {@code /api/session/**} needs a login (before {@code /api/**}, which passes through); {@code /login} not. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ReactiveHttpAuthorizations sessionEndpoints() {
        return exchanges -> exchanges
                .pathMatchers(SessionController.SESSION_PATH, SessionController.SESSION_PATH + "/**").authenticated()
                .pathMatchers(HttpMethod.GET, SessionController.LOGIN_PATH).permitAll();
    }

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(BrowserSessionProperties properties) {
        BrowserSessionProperties.Keycloak keycloak = properties.keycloak();
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID)
                .issuerUri(keycloak.issuer())
                .authorizationUri(keycloak.authorizationUri())
                .tokenUri(keycloak.tokenUri())
                .jwkSetUri(keycloak.jwkSetUri())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.endSessionUri()))
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /**
     * The login's code-for-token request to Keycloak. When Keycloak cannot be reached from the gateway (refused, reset,
     * timed out), the login fails like any other failed login, back to the web UI at {@code /?login=failed}, instead of
     * ending on an error page.
     */
    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenResponseClient() {
        WebClientReactiveAuthorizationCodeTokenResponseClient keycloak =
                new WebClientReactiveAuthorizationCodeTokenResponseClient();
        return request -> keycloak.getTokenResponse(request).onErrorMap(WebClientRequestException.class, ex -> {
            log.warn("Login failed: Keycloak's token endpoint cannot be reached ({})", ex.getMostSpecificCause().toString());
            return new OAuth2AuthorizationException(new OAuth2Error("temporarily_unavailable",
                    "The identity provider cannot be reached", null), ex);
        });
    }

    /** The tokens live in the session (so in MongoDB): any gateway instance relays and refreshes them. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Hands out the session's access token, refreshing it with the refresh token when it has expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients, Clock clock) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.clock(clock))
                .build());
        return manager;
    }

    /** Readable by the SPA's JavaScript (it copies the value into the {@code X-XSRF-TOKEN} header). */
    private static CookieServerCsrfTokenRepository csrfCookie() {
        CookieServerCsrfTokenRepository repository = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieName(CSRF_COOKIE);
        repository.setHeaderName(CSRF_HEADER);
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return repository;
    }

    private static ServerAccessDeniedHandler csrfRefused(ReactiveProblemWriter problems) {
        return (exchange, denied) -> problems.write(exchange, Problems.of(HttpStatus.FORBIDDEN,
                "invalid-csrf-token", "Forbidden", "The request needs the header " + CSRF_HEADER
                        + " with the value of the " + CSRF_COOKIE + " cookie."));
    }

    /** After login: the page {@code GET /login?return_to=} named (a path of this site), else {@code /}. */
    private static ServerAuthenticationSuccessHandler backToWhereTheBrowserCameFrom() {
        ServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();
        return (webFilterExchange, authentication) -> webFilterExchange.getExchange().getSession()
                .flatMap(session -> {
                    Object target = session.getAttributes().remove(RETURN_TO);
                    String location = target instanceof String path ? path : "/";
                    return redirects.sendRedirect(webFilterExchange.getExchange(),
                            URI.create(location));
                });
    }
}
