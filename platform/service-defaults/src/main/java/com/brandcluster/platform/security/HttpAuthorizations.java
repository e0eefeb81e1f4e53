package com.brandcluster.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own request rules, applied before {@code anyRequest().authenticated()} in the platform's filter chain.
 * Declare its public (anonymous) endpoints as a bean:
 *
 * <pre>{@code
 * @Bean
 * HttpAuthorizations publicDirectory() {
 *     return requests -> requests.requestMatchers(HttpMethod.GET, "/api/membership/clusters/*").permitAll();
 * }
 * }</pre>
 * Always public: {@code /actuator/health/**}, {@code /actuator/info}, {@code /actuator/prometheus}, {@code /error}.
 */
@FunctionalInterface
public interface HttpAuthorizations {

    void customize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
