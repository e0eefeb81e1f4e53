package com.brandcluster.platform.feign;

import feign.Capability;
import feign.Feign;
import feign.RequestInterceptor;
import feign.codec.ErrorDecoder;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ClientHttpMessageConvertersCustomizer;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;
import org.springframework.cloud.openfeign.support.HttpMessageConverterCustomizer;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.brandcluster.platform.web.HttpJsonAutoConfiguration;

/**
 * Defaults for every {@code @FeignClient} of a service (beans in the application context, which every client's own
 * context inherits): the caller's bearer token relayed, the application's JSON mapper (tolerant reading) bound to the
 * encoder and decoder, retries and error translation ({@link ResilientCallsCapability}), remote errors as domain
 * exceptions ({@link PlatformErrorDecoder}). Timeouts, the Resilience4j circuit breaker (on by default here,
 * {@code spring.cloud.openfeign.circuitbreaker.enabled}) and its running on the caller's thread come from the
 * platform's default properties.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        beforeName = "org.springframework.cloud.openfeign.FeignAutoConfiguration")
@ConditionalOnClass({Feign.class, FeignHttpMessageConverters.class, Retry.class})
@EnableConfigurationProperties(FeignDefaultsProperties.class)
public final class FeignDefaultsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ErrorDecoder platformFeignErrorDecoder(JsonMapper jsonMapper) {
        return new PlatformErrorDecoder(tolerant(jsonMapper));
    }

    @Bean
    RequestInterceptor bearerTokenRelay() {
        return new BearerTokenRelay();
    }

    @Bean
    Capability platformResilientCallsCapability(ObjectProvider<RetryRegistry> retryRegistry,
            FeignDefaultsProperties properties) {
        return new ResilientCallsCapability(retryRegistry.getIfAvailable(RetryRegistry::ofDefaults),
                properties.retry());
    }

    @Bean
    @ConditionalOnMissingBean
    FeignHttpMessageConverters feignHttpMessageConverters(JsonMapper jsonMapper,
            ObjectProvider<ClientHttpMessageConvertersCustomizer> customizers,
            ObjectProvider<HttpMessageConverterCustomizer> cloudCustomizers) {
        return new FeignHttpMessageConvertersForJsonMapper(tolerant(jsonMapper), customizers, cloudCustomizers);
    }

    /**
     * Feign's circuit breakers count only failures of the called service (5xx, timeouts, refused connections: all
     * {@link RemoteServiceUnavailableException} by then); a 404 or 422 answer is a working service. Sizes and waits
     * come from {@code resilience4j.circuitbreaker.configs.default.*} (or {@code configs.<circuit name>}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Resilience4JCircuitBreakerFactory.class)
    static class CircuitBreakerDefaultsConfiguration {

        @Bean
        Customizer<Resilience4JCircuitBreakerFactory> platformFeignCircuitBreakerDefaults() {
            return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                    .circuitBreakerConfig(CircuitBreakerConfig
                            .from(factory.getCircuitBreakerRegistry().getDefaultConfig())
                            .recordException(FeignDefaultsAutoConfiguration::isRemoteFailure)
                            .build())
                    .timeLimiterConfig(factory.getTimeLimiterRegistry().getDefaultConfig())
                    .build());
        }
    }

    static boolean isRemoteFailure(Throwable ex) {
        return ex instanceof RemoteServiceUnavailableException || ex instanceof feign.RetryableException
                || ex instanceof java.io.IOException || ex instanceof java.util.concurrent.TimeoutException;
    }

    /** The application's mapper, reading tolerantly: responses may carry properties we do not know yet. */
    static JsonMapper tolerant(JsonMapper applicationMapper) {
        return HttpJsonAutoConfiguration.tolerant(applicationMapper);
    }
}
