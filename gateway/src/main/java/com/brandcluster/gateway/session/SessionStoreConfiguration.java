package com.brandcluster.gateway.session;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;

/**
 * Browser sessions live in MongoDB (the gateway's database, {@code spring.mongodb.database}), so that every gateway
 * instance serves every session: Spring Session's {@code WebSessionManager} over {@link BrowserSessions}, which writes
 * only what a request changed. The cookie is {@link SessionCookie}. Ended sessions are deleted by
 * {@link ExpiredSessions}, not by a TTL index.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
@EnableScheduling
class SessionStoreConfiguration implements SchedulingConfigurer {

    private final BrowserSessionProperties properties;
    private final ExpiredSessions expiredSessions;

    SessionStoreConfiguration(BrowserSessionProperties properties, ExpiredSessions expiredSessions) {
        this.properties = properties;
        this.expiredSessions = expiredSessions;
    }

    @Bean
    BrowserSessions browserSessions(ReactiveMongoOperations mongo, Clock clock) {
        return new BrowserSessions(mongo, properties.session(), clock);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(expiredSessions::deleteNow, properties.session().cleanupInterval());
    }
}
