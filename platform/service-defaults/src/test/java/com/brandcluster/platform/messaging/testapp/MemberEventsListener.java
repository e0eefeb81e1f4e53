package com.brandcluster.platform.messaging.testapp;

import com.brandcluster.contracts.ClusterEvent;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.platform.messaging.Projections;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * The consumer of the test service: keeps a member projection. An event whose enterprise id starts with
 * {@value #FAILING_PREFIX} makes it fail every time (a poison message), and so does an event of an enterprise
 * {@link ConsumerFaults} marks broken, until it is repaired.
 */
@Component
@RabbitListener(queues = "#{@messagingTopology.queue('members')}")
public class MemberEventsListener {

    public static final String PROJECTION = "test_members";
    public static final String FAILING_PREFIX = "fail-";

    private final Projections projections;
    private final Deliveries deliveries;
    private final ObjectProvider<Tracer> tracer;
    private final ConsumerFaults faults;

    MemberEventsListener(Projections projections, Deliveries deliveries, ObjectProvider<Tracer> tracer,
                         ConsumerFaults faults) {
        this.projections = projections;
        this.deliveries = deliveries;
        this.tracer = tracer;
        this.faults = faults;
    }

    @RabbitHandler
    public void on(MemberAdmitted event, @Header(name = "x-delivery-count", required = false) @Nullable Long count) {
        record(event, count);
        failIfPoison(event.enterpriseId());
        if (projections.applyIfNewer(PROJECTION, event.membershipId(), event.version(), new Update()
                .set("clusterId", event.clusterId())
                .set("enterpriseId", event.enterpriseId())
                .set("status", "ACTIVE"))) {
            deliveries.applied(event.eventId());
        }
    }

    @RabbitHandler
    public void on(MembershipStatusChanged event,
                   @Header(name = "x-delivery-count", required = false) @Nullable Long count) {
        record(event, count);
        failIfPoison(event.enterpriseId());
        if (projections.applyIfNewer(PROJECTION, event.membershipId(), event.version(), new Update()
                .set("clusterId", event.clusterId())
                .set("enterpriseId", event.enterpriseId())
                .set("status", event.status()))) {
            deliveries.applied(event.eventId());
        }
    }

    private void record(ClusterEvent event, @Nullable Long count) {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        deliveries.record(new Deliveries.Delivery(event.eventId(), event.getClass(),
                span == null ? null : span.context().traceId(), count));
    }

    private void failIfPoison(String enterpriseId) {
        if (enterpriseId != null && (enterpriseId.startsWith(FAILING_PREFIX) || faults.isBroken(enterpriseId))) {
            throw new IllegalStateException("Simulated failure of the test consumer");
        }
    }
}
