package com.brandcluster.platform.security;

import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.brandcluster.platform.web.ReactiveProblemWriter;
import com.brandcluster.platform.web.ServletProblemWriter;

/**
 * Resource server for every service (servlet) and for the gateway (reactive): bearer JWTs from Keycloak validated
 * against the explicitly configured JWK set (cached, outage tolerant, never fetched at startup), issuer and audience
 * checked, realm roles as {@code ROLE_*}, stateless, CSRF off, 401/403 as problem details, {@link Caller} parameters.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"},
        afterName = "com.brandcluster.platform.web.ProblemDetailsAutoConfiguration")
@ConditionalOnClass({JwtDecoder.class, JWKSource.class})
@EnableConfigurationProperties(SecurityProperties.class)
public final class ResourceServerAutoConfiguration {

    /** Always public in a servlet service. */
    static final String[] PUBLIC_PATHS = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error"};

    @Bean
    @ConditionalOnMissingBean(name = "platformJwkSource")
    JWKSource<SecurityContext> platformJwkSource(SecurityProperties properties) {
        return KeycloakJwtValidation.jwkSource(properties);
    }

    @Bean
    @ConditionalOnMissingBean(name = "platformJwtAuthenticationConverter")
    Converter<Jwt, AbstractAuthenticationToken> platformJwtAuthenticationConverter() {
        return KeycloakJwtValidation.authenticationConverter();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({HttpSecurity.class, DispatcherServlet.class})
    @EnableWebSecurity
    @EnableMethodSecurity
    static class ServletResourceServerConfiguration {

        @Bean
        @ConditionalOnMissingBean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> platformJwkSource, SecurityProperties properties) {
            return CachingJwtDecoders.servlet(KeycloakJwtValidation.jwtDecoder(platformJwkSource, properties),
                    properties);
        }

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE - 5)
        SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, JwtDecoder jwtDecoder,
                Converter<Jwt, AbstractAuthenticationToken> platformJwtAuthenticationConverter,
                ServletProblemWriter problemWriter, ObjectProvider<HttpAuthorizations> authorizations) {
            ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problemWriter);
            ProblemAccessDeniedHandler accessDeniedHandler = new ProblemAccessDeniedHandler(problemWriter);
            List<HttpAuthorizations> customizers = authorizations.orderedStream().toList();
            return http
                    .csrf(csrf -> csrf.disable())
                    .httpBasic(basic -> basic.disable())
                    .formLogin(form -> form.disable())
                    .logout(logout -> logout.disable())
                    .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .oauth2ResourceServer(server -> server
                            .jwt(jwt -> jwt.decoder(jwtDecoder)
                                    .jwtAuthenticationConverter(platformJwtAuthenticationConverter))
                            .authenticationEntryPoint(entryPoint)
                            .accessDeniedHandler(accessDeniedHandler)
                            .withObjectPostProcessor(answerUnavailableKeysThrough(entryPoint)))
                    .exceptionHandling(handling -> handling
                            .authenticationEntryPoint(entryPoint)
                            .accessDeniedHandler(accessDeniedHandler))
                    .authorizeHttpRequests(requests -> {
                        requests.requestMatchers(PUBLIC_PATHS).permitAll();
                        customizers.forEach(customizer -> customizer.customize(requests));
                        requests.anyRequest().authenticated();
                    })
                    .build();
        }

        /**
         * When the JWK set cannot be fetched, the bearer filter would rethrow to the container (a logged stack
         * trace per request while Keycloak is down); the entry point answers 503 instead.
         */
        private static ObjectPostProcessor<BearerTokenAuthenticationFilter> answerUnavailableKeysThrough(
                ProblemAuthenticationEntryPoint entryPoint) {
            return new ObjectPostProcessor<>() {
                @Override
                public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                    AuthenticationEntryPointFailureHandler failureHandler =
                            new AuthenticationEntryPointFailureHandler(entryPoint);
                    failureHandler.setRethrowAuthenticationServiceException(false);
                    filter.setAuthenticationFailureHandler(failureHandler);
                    return filter;
                }
            };
        }

        @Bean
        WebMvcConfigurer callerArgumentResolverConfigurer() {
            return new WebMvcConfigurer() {
                @Override
                public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                    resolvers.add(new CallerArgumentResolver());
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass({ServerHttpSecurity.class, ReactiveJwtDecoder.class})
    @EnableWebFluxSecurity
    static class ReactiveResourceServerConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ReactiveJwtDecoder reactiveJwtDecoder(JWKSource<SecurityContext> platformJwkSource,
                SecurityProperties properties) {
            return CachingJwtDecoders.reactive(ReactiveKeycloakJwtDecoders.jwtDecoder(platformJwkSource, properties),
                    properties);
        }

        @Bean
        @ConditionalOnMissingBean
        ProblemServerAuthenticationEntryPoint problemServerAuthenticationEntryPoint(ReactiveProblemWriter writer) {
            return new ProblemServerAuthenticationEntryPoint(writer);
        }

        @Bean
        @ConditionalOnMissingBean
        ProblemServerAccessDeniedHandler problemServerAccessDeniedHandler(ReactiveProblemWriter writer) {
            return new ProblemServerAccessDeniedHandler(writer);
        }

        @Bean
        @ConditionalOnMissingBean
        ReactiveResourceServerDefaults reactiveResourceServerDefaults(ReactiveJwtDecoder jwtDecoder,
                Converter<Jwt, AbstractAuthenticationToken> platformJwtAuthenticationConverter,
                ProblemServerAuthenticationEntryPoint entryPoint, ProblemServerAccessDeniedHandler accessDeniedHandler,
                ObjectProvider<ReactiveHttpAuthorizations> authorizations) {
            return new ReactiveResourceServerDefaults(jwtDecoder, platformJwtAuthenticationConverter, entryPoint,
                    accessDeniedHandler, authorizations.orderedStream().toList());
        }

        @Bean
        @ConditionalOnMissingBean(SecurityWebFilterChain.class)
        SecurityWebFilterChain platformSecurityWebFilterChain(ServerHttpSecurity http,
                ReactiveResourceServerDefaults defaults) {
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
        WebFluxConfigurer callerArgumentResolverWebFluxConfigurer() {
            return new WebFluxConfigurer() {
                @Override
                public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                    configurer.addCustomResolver(new ReactiveCallerArgumentResolver());
                }
            };
        }
    }
}
