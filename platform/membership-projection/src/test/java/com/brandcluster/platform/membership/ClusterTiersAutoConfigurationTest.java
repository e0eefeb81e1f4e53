package com.brandcluster.platform.membership;

import com.brandcluster.platform.messaging.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The tiers projection is opt-in: a service without its queue property gets none of it (and keeps its own). */
class ClusterTiersAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClusterTiersAutoConfiguration.class))
            .withBean(MongoOperations.class, () -> mock(MongoOperations.class))
            .withBean(Projections.class, () -> new Projections(mock(MongoOperations.class)))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void aServiceThatDoesNotSetTheQueueGetsNoProjection() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ClusterTiers.class);
            assertThat(context).doesNotHaveBean(ClusterTiersProjector.class);
        });
    }

    @Test
    void aServiceThatSetsTheQueueGetsTheReaderAndTheProjector() {
        runner.withPropertyValues("brandcluster.tier-entitlements.queue=some-service.clusters").run(context -> {
            assertThat(context).hasSingleBean(ClusterTiers.class);
            assertThat(context).hasSingleBean(ClusterTiersProjector.class);
        });
    }
}
