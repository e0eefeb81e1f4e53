package com.brandcluster.platform.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * The reactive twin of {@link HttpAuthorizations}, for the gateway: exchange rules applied before
 * {@code anyExchange().authenticated()}.
 *
 * <pre>{@code
 * @Bean
 * ReactiveHttpAuthorizations publicPages() {
 *     return exchanges -> exchanges.pathMatchers("/", "/assets/**").permitAll();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ReactiveHttpAuthorizations {

    void customize(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);
}
