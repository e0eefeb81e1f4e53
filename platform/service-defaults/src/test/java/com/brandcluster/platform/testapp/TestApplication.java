package com.brandcluster.platform.testapp;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;

import feign.RequestInterceptor;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

import com.brandcluster.platform.security.HttpAuthorizations;

/**
 * A service as the portal's services are built: service-defaults on the classpath, one controller, one Feign client.
 * Its configuration is {@code testapp/testapp.properties} (see {@link TestAppIntegrationTest}).
 */
@SpringBootApplication
@EnableFeignClients(clients = RemoteClient.class)
public class TestApplication {

    @Bean
    HttpAuthorizations publicTestEndpoints() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/api/test/public/**").permitAll();
    }

    /** The application's own Jackson module: Feign must use the application's mapper to write and read prices. */
    @Bean
    JacksonModule priceModule() {
        SimpleModule module = new SimpleModule("testapp-prices");
        module.addSerializer(RemoteClient.Price.class, new ValueSerializer<>() {
            @Override
            public void serialize(RemoteClient.Price price, JsonGenerator generator, SerializationContext context) {
                generator.writeString(BigDecimal.valueOf(price.cents(), 2).toPlainString());
            }
        });
        module.addDeserializer(RemoteClient.Price.class, new ValueDeserializer<>() {
            @Override
            public RemoteClient.Price deserialize(JsonParser parser, DeserializationContext context) {
                return new RemoteClient.Price(new BigDecimal(parser.getString()).movePointRight(2).longValueExact());
            }
        });
        return module;
    }

    /** Records the thread each Feign request is built on (the circuit breaker must not move calls to a pool). */
    @Bean
    RequestInterceptor callingThreadRecorder() {
        return template -> LAST_FEIGN_THREAD.set(Thread.currentThread());
    }

    static final AtomicReference<Thread> LAST_FEIGN_THREAD = new AtomicReference<>();

    @Bean
    FailingFilter failingFilter() {
        return new FailingFilter();
    }
}
