package com.brandcluster.platform.observability;

import com.mongodb.client.MongoClient;
import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * MongoDB health for the readiness group: one {@code ping} on the {@code admin} database. Boot's own indicator lists
 * every database and sends {@code hello} to each, which the embedded mongo-java-server used in tests and local runs
 * does not understand (it would report DOWN forever); {@code ping} works on both it and a real MongoDB, and is cheap
 * enough for a probe.
 */
final class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient mongoClient;

    MongoPingHealthIndicator(MongoClient mongoClient) {
        super("MongoDB health check failed");
        this.mongoClient = mongoClient;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document result = mongoClient.getDatabase("admin").runCommand(new Document("ping", 1));
        Object ok = result.get("ok");
        if (ok instanceof Number number && number.doubleValue() == 1.0) {
            builder.up();
        }
        else {
            builder.down().withDetail("ping", String.valueOf(ok));
        }
    }
}
