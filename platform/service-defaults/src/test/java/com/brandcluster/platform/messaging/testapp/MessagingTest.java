package com.brandcluster.platform.messaging.testapp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.brandcluster.testsupport.PlatformInfrastructure;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The test service on the tests' MongoDB and RabbitMQ (own virtual host), on a random port with test tokens (for its
 * actuator endpoints), with tracing and metrics on. Every test class that uses it shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PlatformInfrastructure
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = MessagingTest.PROPERTIES)
@AutoConfigureTracing
@AutoConfigureMetrics
public @interface MessagingTest {

    String PROPERTIES = "classpath:com/brandcluster/platform/messaging/testapp/messaging-test.properties";

    /** The test service's consumer queue. */
    String QUEUE = "messaging-test.members";

    String DLQ = QUEUE + ".dlq";

    /** {@code brandcluster.messaging.delivery-limit} in the test service. */
    int DELIVERY_LIMIT = 3;
}
