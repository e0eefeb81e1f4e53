package com.brandcluster.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import com.brandcluster.platform.feign.FeignDefaultsAutoConfiguration;
import com.brandcluster.platform.observability.ObservabilityAutoConfiguration;
import com.brandcluster.platform.security.ReactiveResourceServerDefaults;
import com.brandcluster.platform.security.ResourceServerAutoConfiguration;
import com.brandcluster.platform.web.HttpJsonAutoConfiguration;
import com.brandcluster.platform.web.ProblemDetailsAutoConfiguration;
import com.brandcluster.platform.web.ReactiveProblemWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway depends on service-defaults without Spring MVC, the servlet API, Feign, MongoDB and RabbitMQ: the
 * platform's auto-configurations must back off from all of those and give it the reactive half.
 */
class GatewayClasspathTest {

    private final ReactiveWebApplicationContextRunner gateway = new ReactiveWebApplicationContextRunner()
            .withClassLoader(new FilteredClassLoader("org.springframework.web.servlet", "jakarta.servlet", "feign",
                    "org.springframework.cloud.openfeign", "com.mongodb", "org.springframework.data.mongodb",
                    "org.springframework.amqp"))
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    ProblemDetailsAutoConfiguration.class, HttpJsonAutoConfiguration.class,
                    ResourceServerAutoConfiguration.class, FeignDefaultsAutoConfiguration.class,
                    ObservabilityAutoConfiguration.class))
            .withPropertyValues("brandcluster.security.issuer-uri=http://localhost:8180/realms/brand-cluster");

    @Test
    void givesAReactiveApplicationTheReactiveHalfOnly() {
        gateway.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ReactiveJwtDecoder.class);
            assertThat(context).hasSingleBean(SecurityWebFilterChain.class);
            assertThat(context).hasSingleBean(ReactiveResourceServerDefaults.class);
            assertThat(context).hasSingleBean(ReactiveProblemWriter.class);
            assertThat(context).getBeans(ErrorWebExceptionHandler.class).isNotEmpty();
            assertThat(context).doesNotHaveBean(JwtDecoder.class);
            assertThat(context).doesNotHaveBean(SecurityFilterChain.class);
            assertThat(context).doesNotHaveBean("platformFeignErrorDecoder");
            assertThat(context).doesNotHaveBean("mongoHealthIndicator");
        });
    }

    @Test
    void letsTheGatewayBringItsOwnFilterChain() {
        gateway.withBean("gatewaySecurity", SecurityWebFilterChain.class,
                        () -> new MatcherSecurityWebFilterChain(ServerWebExchangeMatchers.anyExchange(),
                                List.of((exchange, chain) -> chain.filter(exchange))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).getBeanNames(SecurityWebFilterChain.class).containsExactly("gatewaySecurity");
                    assertThat(context).hasSingleBean(ReactiveResourceServerDefaults.class);
                });
    }
}
