package com.brandcluster.system.support;

import com.brandcluster.testsupport.KeycloakExtension;
import com.brandcluster.testsupport.MongoExtension;
import com.brandcluster.testsupport.RabbitExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A black-box test of the whole portal: real Keycloak, RabbitMQ (own vhost) and MongoDB from test-support, and every
 * service as its own process ({@link Portal#get()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith({MongoExtension.class, RabbitExtension.class, KeycloakExtension.class})
public @interface PortalSystemTest {
}
