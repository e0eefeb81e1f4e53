package com.brandcluster.platform.testapp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import com.brandcluster.testsupport.TestTokensExtension;

/**
 * The test application on a random port, with test tokens (local JWKS) and the WireMock "remote service". Every
 * integration test of the test application uses exactly this, so they share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith({TestTokensExtension.class, RemoteServiceStub.class})
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:testapp/testapp.properties")
@AutoConfigureTracing
@AutoConfigureMetrics
public @interface TestAppIntegrationTest {
}
