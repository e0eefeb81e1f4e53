package com.brandcluster.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Starts the local JWKS server of {@link TestTokens} and, before the Spring context loads, sets
 * {@code brandcluster.security.issuer-uri} and {@code brandcluster.security.jwk-set-uri} to it. Before each test
 * class (not {@code @Nested} ones) it makes the JWK set available again, in case a test simulated an outage.
 */
public final class TestTokensExtension implements BeforeAllCallback, TestInstancePreConstructCallback {

    public static final String ISSUER_PROPERTY = "brandcluster.security.issuer-uri";
    public static final String JWK_SET_PROPERTY = "brandcluster.security.jwk-set-uri";

    @Override
    public void beforeAll(ExtensionContext context) {
        setSystemProperties();
        if (!Support.isNested(context.getRequiredTestClass())) {
            TestTokens.jwksAvailable(true);
        }
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        setSystemProperties();
    }

    private static void setSystemProperties() {
        System.setProperty(ISSUER_PROPERTY, TestTokens.issuerUri());
        System.setProperty(JWK_SET_PROPERTY, TestTokens.jwkSetUri());
    }
}
