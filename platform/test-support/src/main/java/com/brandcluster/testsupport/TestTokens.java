package com.brandcluster.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Signed JWTs shaped like the access tokens of the Keycloak realm {@code brand-cluster}, for service tests that need
 * no Keycloak. One RSA key per JVM; its JWK set is served by a local HTTP server at
 * {@code http://127.0.0.1:<port>/realms/brand-cluster/protocol/openid-connect/certs}, with a minimal OpenID discovery
 * document next to it. {@link TestTokensExtension} points {@code brandcluster.security.issuer-uri} and
 * {@code brandcluster.security.jwk-set-uri} at it.
 *
 * <pre>{@code
 * String token = TestTokens.user("u-42").roles(Roles.SECRETARIAT).secretariatOf("lighting").issue();
 * mockMvc.perform(get("/api/membership/clusters/lighting/applications").header("Authorization", "Bearer " + token));
 * }</pre>
 */
public final class TestTokens {

    public static final String REALM_PATH = "/realms/brand-cluster";
    public static final String DEFAULT_AUDIENCE = "brand-cluster-api";
    public static final String DEFAULT_AZP = "portal-cli";
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);
    public static final String KEY_ID = "brand-cluster-test-key";

    private static volatile Server server;

    private TestTokens() {
    }

    /** A token builder for the subject (also its {@code preferred_username} unless {@link Builder#username} is set). */
    public static Builder user(String subject) {
        return new Builder(start(), subject, false);
    }

    /**
     * A token builder like {@link #user(String)} whose token is signed by a key that is not in the JWK set (same key
     * id, so only the signature check can reject it).
     */
    public static Builder signedByAnotherKey(String subject) {
        return new Builder(start(), subject, true);
    }

    /** {@code http://127.0.0.1:<port>/realms/brand-cluster}: the {@code iss} of every token by default. */
    public static String issuerUri() {
        return start().issuer;
    }

    /** The URL of the JWK set. */
    public static String jwkSetUri() {
        return start().issuer + "/protocol/openid-connect/certs";
    }

    /** The public JWK set as JSON. */
    public static String jwks() {
        return start().jwks;
    }

    /** The public key tokens are signed with. */
    public static RSAPublicKey publicKey() {
        try {
            return start().key.toRSAPublicKey();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** How many times the JWK set was requested (to test caching). */
    public static int jwksRequests() {
        return start().jwksRequests.get();
    }

    /**
     * Simulates an identity provider outage: while unavailable, the JWK set and discovery endpoints answer 503.
     * {@link TestTokensExtension} makes it available again before each test class.
     */
    public static void jwksAvailable(boolean available) {
        start().available.set(available);
    }

    static Server start() {
        Server current = server;
        if (current == null) {
            synchronized (TestTokens.class) {
                current = server;
                if (current == null) {
                    current = new Server();
                    server = current;
                }
            }
        }
        return current;
    }

    /** Builds one token; every setter returns the builder. */
    public static final class Builder {

        private final Server server;
        private final String subject;
        private boolean foreignKey;
        private String username;
        private String email;
        private String issuer;
        private String azp = DEFAULT_AZP;
        private List<String> audience = List.of(DEFAULT_AUDIENCE);
        private final LinkedHashSet<String> roles = new LinkedHashSet<>();
        private String enterpriseId;
        private List<String> secretariatOf;
        private Duration expiresIn = DEFAULT_LIFETIME;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder(Server server, String subject, boolean foreignKey) {
            this.server = server;
            this.subject = subject;
            this.foreignKey = foreignKey;
        }

        /** Realm roles ({@code realm_access.roles}), added to any given before. */
        public Builder roles(String... roles) {
            this.roles.addAll(Arrays.asList(roles));
            return this;
        }

        /** The {@code enterprise_id} claim (a string). */
        public Builder enterpriseId(String enterpriseId) {
            this.enterpriseId = enterpriseId;
            return this;
        }

        /** The {@code secretariat_of} claim (a JSON array of cluster ids). */
        public Builder secretariatOf(String... clusterIds) {
            this.secretariatOf = List.of(clusterIds);
            return this;
        }

        /** Any claim; it overrides a default claim of the same name. A null value removes the claim. */
        public Builder claim(String name, Object value) {
            extra.put(name, value);
            return this;
        }

        /** Lifetime from now; a negative duration gives a token that has already expired. Default 15 minutes. */
        public Builder expiresIn(Duration expiresIn) {
            this.expiresIn = expiresIn;
            return this;
        }

        /** The {@code aud} claim; default {@value TestTokens#DEFAULT_AUDIENCE}; no argument leaves the claim out. */
        public Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        /** The {@code iss} claim; default {@link TestTokens#issuerUri()}. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** {@code preferred_username}; default the subject. */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** {@code email}; default {@code <username>@example.test}. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** {@code azp}, the client the token was issued to; default {@value TestTokens#DEFAULT_AZP}. */
        public Builder azp(String azp) {
            this.azp = azp;
            return this;
        }

        /** Sign with a key that is not in the served JWK set. */
        public Builder signedByAnotherKey() {
            this.foreignKey = true;
            return this;
        }

        /** The claims the token will carry. */
        public Map<String, Object> claims() {
            Instant now = Instant.now();
            Instant exp = now.plus(expiresIn);
            Instant iat = expiresIn.isNegative() ? exp.minus(DEFAULT_LIFETIME) : now;
            String name = username != null ? username : subject;
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("exp", exp.getEpochSecond());
            claims.put("iat", iat.getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
            claims.put("iss", issuer != null ? issuer : server.issuer);
            if (audience.size() == 1) {
                claims.put("aud", audience.get(0));
            }
            else if (!audience.isEmpty()) {
                claims.put("aud", audience);
            }
            claims.put("sub", subject);
            claims.put("typ", "Bearer");
            claims.put("azp", azp);
            claims.put("sid", UUID.randomUUID().toString());
            claims.put("acr", "1");
            claims.put("realm_access", Map.of("roles", new ArrayList<>(roles)));
            claims.put("scope", "openid profile email");
            claims.put("email_verified", true);
            claims.put("name", name);
            claims.put("preferred_username", name);
            claims.put("email", email != null ? email : name + "@example.test");
            if (enterpriseId != null) {
                claims.put("enterprise_id", enterpriseId);
            }
            if (secretariatOf != null) {
                claims.put("secretariat_of", secretariatOf);
            }
            extra.forEach((key, value) -> {
                if (value == null) {
                    claims.remove(key);
                }
                else {
                    claims.put(key, value);
                }
            });
            return claims;
        }

        /** The signed token in compact form. */
        public String issue() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
            claims().forEach((key, value) -> {
                switch (key) {
                    case "exp" -> claims.expirationTime(Date.from(Instant.ofEpochSecond((Long) value)));
                    case "iat" -> claims.issueTime(Date.from(Instant.ofEpochSecond((Long) value)));
                    default -> claims.claim(key, value);
                }
            });
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT)
                    .keyID(KEY_ID)
                    .build();
            SignedJWT jwt = new SignedJWT(header, claims.build());
            try {
                jwt.sign(new RSASSASigner(foreignKey ? server.foreignKey : server.key));
            }
            catch (JOSEException ex) {
                throw new IllegalStateException("Could not sign a test token", ex);
            }
            return jwt.serialize();
        }

        /** {@code "Bearer " + issue()}, for an {@code Authorization} header. */
        public String bearer() {
            return "Bearer " + issue();
        }
    }

    static final class Server {

        final RSAKey key;
        final RSAKey foreignKey;
        final String jwks;
        final String issuer;
        final HttpServer http;
        final AtomicInteger jwksRequests = new AtomicInteger();
        final AtomicBoolean available = new AtomicBoolean(true);

        Server() {
            try {
                key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
                foreignKey = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            }
            catch (JOSEException ex) {
                throw new IllegalStateException("Could not generate the test signing key", ex);
            }
            jwks = new JWKSet(key.toPublicJWK()).toString(true);
            try {
                http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not start the test JWKS server", ex);
            }
            issuer = "http://127.0.0.1:" + http.getAddress().getPort() + REALM_PATH;
            http.createContext(REALM_PATH + "/protocol/openid-connect/certs", exchange -> {
                jwksRequests.incrementAndGet();
                answer(exchange, jwks);
            });
            http.createContext(REALM_PATH + "/.well-known/openid-configuration",
                    exchange -> answer(exchange, discovery()));
            http.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "test-tokens-jwks");
                thread.setDaemon(true);
                return thread;
            }));
            http.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> http.stop(0), "test-tokens-shutdown"));
        }

        private String discovery() {
            Map<String, Object> doc = new LinkedHashMap<>();
            String oidc = issuer + "/protocol/openid-connect";
            doc.put("issuer", issuer);
            doc.put("authorization_endpoint", oidc + "/auth");
            doc.put("token_endpoint", oidc + "/token");
            doc.put("userinfo_endpoint", oidc + "/userinfo");
            doc.put("end_session_endpoint", oidc + "/logout");
            doc.put("jwks_uri", oidc + "/certs");
            doc.put("response_types_supported", List.of("code"));
            doc.put("subject_types_supported", List.of("public"));
            doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
            doc.put("grant_types_supported", List.of("authorization_code", "refresh_token", "password"));
            doc.put("code_challenge_methods_supported", List.of("S256"));
            return Json.write(doc);
        }

        private void answer(HttpExchange exchange, String json) throws IOException {
            try (exchange) {
                if (!available.get()) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
