package com.brandcluster.gateway.ratelimit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.brandcluster.gateway.edge.TrustedProxies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/** The buckets' keys: the caller's subject (token or browser login) and its client address. */
class RateLimitKeysTest {

    static final String SUBJECT = "5b0e3f5c-4d1a-4c8e-9a57-0b1f2c3d4e5f";

    final SubjectKeyResolver subjects = new SubjectKeyResolver();

    @Test
    void keysABearerTokenByItsSubject() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(SUBJECT)
                .claim("preferred_username", "opal").issuedAt(Instant.now()).build();

        assertThat(subjects.resolve(exchangeOf(new JwtAuthenticationToken(jwt, List.of(), "opal"))).block())
                .isEqualTo(SUBJECT);
    }

    @Test
    void keysABrowserSessionByItsLoginsSubject() {
        OidcIdToken idToken = new OidcIdToken("id", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", SUBJECT, "preferred_username", "opal"));
        OAuth2AuthenticationToken login = new OAuth2AuthenticationToken(
                new DefaultOidcUser(AuthorityUtils.NO_AUTHORITIES, idToken, "sub"), List.of(), "keycloak");

        assertThat(subjects.resolve(exchangeOf(login)).block()).isEqualTo(SUBJECT);
    }

    @Test
    void hasNoUserKeyForAnonymousRequests() {
        Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

        assertThat(subjects.resolve(exchangeOf(anonymous)).block()).isNull();
        assertThat(subjects.resolve(MockServerWebExchange.from(MockServerHttpRequest.get("/api/events"))).block())
                .isNull();
    }

    @Test
    void keysTheClientAddressThatATrustedProxyNames() {
        ClientAddressKeyResolver addresses = new ClientAddressKeyResolver(new TrustedProxies("10\\.0\\.0\\.7"));
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/events")
                .remoteAddress(new InetSocketAddress("10.0.0.7", 41234))
                .header("X-Forwarded-For", "198.51.100.1, 203.0.113.9"));

        assertThat(addresses.resolve(exchange).block()).isEqualTo("203.0.113.9");
    }

    @ParameterizedTest
    @CsvSource({ "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:0:0:0:0/64", "2001:db8:1:2::ffff, 2001:db8:1:2:0:0:0:0/64",
            "::1, 0:0:0:0:0:0:0:0/64", "203.0.113.9, 203.0.113.9" })
    void countsAnIpv6ClientByItsNetwork(String address, String key) throws Exception {
        assertThat(ClientAddressKeyResolver.key(InetAddress.getByName(address))).isEqualTo(key);
    }

    private static MockServerWebExchange exchangeOf(Authentication authentication) {
        return MockServerWebExchange.builder(MockServerHttpRequest.method(HttpMethod.GET,
                URI.create("http://portal.example/api/events/events"))).principal(authentication).build();
    }
}
