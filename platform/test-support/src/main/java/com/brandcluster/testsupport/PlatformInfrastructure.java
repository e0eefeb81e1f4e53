package com.brandcluster.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MongoDB, RabbitMQ and test tokens for an integration test. Put it ABOVE {@code @SpringBootTest}, so that its
 * extensions run before Spring's and the system properties they set are in place when the context loads:
 *
 * <pre>{@code
 * @PlatformInfrastructure
 * @SpringBootTest(webEnvironment = RANDOM_PORT)
 * class ApplicationReviewIT { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith({MongoExtension.class, RabbitExtension.class, TestTokensExtension.class})
public @interface PlatformInfrastructure {
}
