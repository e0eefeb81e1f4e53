package com.brandcluster.events.event;

import com.brandcluster.platform.security.HttpAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class EventWebConfiguration {

    /**
     * Reading events and their calendar entries needs no token at the door: published public events are for anyone.
     * Whether a caller may read a particular event (members-only, draft) is decided per event
     * ({@link ExchangeEvents#readable}).
     */
    @Bean
    HttpAuthorizations eventReaders() {
        return registry -> registry.requestMatchers(HttpMethod.GET, "/api/events/clusters/*/events",
                "/api/events/events/*", "/api/events/events/*/calendar").permitAll();
    }
}
