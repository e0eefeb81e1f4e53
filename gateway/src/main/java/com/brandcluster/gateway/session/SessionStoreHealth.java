package com.brandcluster.gateway.session;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.stereotype.Component;

/**
 * The session store's health ({@code mongo} in {@code /actuator/health}): one {@code ping}, the reactive twin of the
 * platform's {@code MongoPingHealthIndicator}. Boot's own indicator sends {@code hello}, which the embedded MongoDB
 * of tests and local runs does not understand. Not part of readiness (see {@code application.yml}).
 */
@Component("mongoHealthIndicator")
class SessionStoreHealth extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoOperations mongo;

    SessionStoreHealth(ReactiveMongoOperations mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1)).map(answer -> builder.up().build());
    }
}
