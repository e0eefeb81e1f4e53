package com.brandcluster.gateway.session;

import org.mongodb.spring.session.ReactiveMongoSessionRepository;
import org.mongodb.spring.session.config.annotation.web.reactive.EnableMongoWebSession;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;

/**
 * Browser sessions live in MongoDB (the gateway's database, {@code spring.mongodb.database}), so that every gateway
 * instance serves every session: Spring Session's {@code WebSessionManager} over {@link ReactiveMongoSessionRepository}.
 * The cookie is {@link SessionCookie}. Ended sessions are deleted by {@link ExpiredSessions}, not by a TTL index.
 */
@Configuration(proxyBeanMethods = false)
@EnableMongoWebSession
@EnableScheduling
class SessionStoreConfiguration implements SchedulingConfigurer {

    private final BrowserSessionProperties properties;
    private final ExpiredSessions expiredSessions;

    SessionStoreConfiguration(BrowserSessionProperties properties, ExpiredSessions expiredSessions) {
        this.properties = properties;
        this.expiredSessions = expiredSessions;
    }

    @Bean
    ReactiveSessionRepositoryCustomizer<ReactiveMongoSessionRepository> sessionStoreSettings(
            BrowserSessionProperties properties) {
        return repository -> {
            repository.setDefaultMaxInactiveInterval(properties.session().timeout());
            repository.setCollectionName(properties.session().collection());
        };
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(expiredSessions::deleteNow, properties.session().cleanupInterval());
    }
}
