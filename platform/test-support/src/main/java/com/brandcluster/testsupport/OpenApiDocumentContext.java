package com.brandcluster.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A service's whole Spring context, every controller included, started without running infrastructure, so that
 * its OpenAPI document can be read at {@code /v3/api-docs} (see {@link OpenApiDocuments}): MongoDB in-process
 * ({@link MongoExtension}: nothing is stored), and no RabbitMQ: listener containers and the outbox relay stay
 * stopped, no policies are applied, and the one connection attempt at start (which only logs a warning when it
 * fails) goes to a port where nothing listens. Tokens are never needed: the document is public when it is enabled.
 * Add the service's own required properties with {@code @TestPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MongoExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "springdoc.api-docs.enabled=true",
        "spring.rabbitmq.addresses=127.0.0.1:1",
        "spring.rabbitmq.listener.simple.auto-startup=false",
        "spring.rabbitmq.listener.direct.auto-startup=false",
        "brandcluster.messaging.management.apply-policies=false",
        "brandcluster.outbox.enabled=false",
        "brandcluster.security.issuer-uri=http://127.0.0.1:1/realms/brand-cluster"})
public @interface OpenApiDocumentContext {
}
