package com.brandcluster.notification.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import com.brandcluster.notification.mail.MailDelivery.State;
import com.brandcluster.platform.web.Problems;

/**
 * What operators see of the mail queue at {@code /actuator/maildeliveries} (alliance administrators only): how many
 * deliveries are in each state and the most recent FAILED ones with their attempts and reason; a POST to
 * {@code /actuator/maildeliveries/{deliveryId}} queues a FAILED one again with a fresh set of attempts. Recipients'
 * addresses and mail contents are not shown.
 */
@Component
@Endpoint(id = "maildeliveries")
class MailDeliveriesEndpoint {

    static final int FAILED_SHOWN = 100;

    private static final Logger log = LoggerFactory.getLogger(MailDeliveriesEndpoint.class);

    private final MailDeliveries deliveries;

    MailDeliveriesEndpoint(MailDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    record Summary(Map<State, Long> counts, List<FailedDelivery> failed) {
    }

    record FailedDelivery(String deliveryId, int attempts, @Nullable String reason, Instant queuedAt,
                          Instant failedAt) {
    }

    record Requeued(String deliveryId, State state) {
    }

    @ReadOperation
    Summary summary() {
        return new Summary(deliveries.countsByState(), deliveries.failed(FAILED_SHOWN).stream()
                .map(failed -> new FailedDelivery(failed.id(), failed.attempts(), failed.lastError(),
                        failed.createdAt(), failed.updatedAt()))
                .toList());
    }

    @WriteOperation
    WebEndpointResponse<Object> requeue(@Selector String deliveryId, SecurityContext caller) {
        if (deliveries.requeue(deliveryId)) {
            log.info("Mail delivery {} queued again by {}", deliveryId,
                    caller.getPrincipal() == null ? "?" : caller.getPrincipal().getName());
            return new WebEndpointResponse<>(new Requeued(deliveryId, State.QUEUED));
        }
        return deliveries.find(deliveryId)
                .map(other -> problem(Problems.of(HttpStatus.CONFLICT, "mail-delivery-not-failed", "Conflict",
                        "Only a FAILED delivery can be queued again; this one is " + other.state() + ".")))
                .orElseGet(() -> problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not Found",
                        "There is no such mail delivery.")));
    }

    /** A problem detail as the body (actuator answers with its own JSON content type). */
    private static WebEndpointResponse<Object> problem(ProblemDetail problem) {
        return new WebEndpointResponse<>(Problems.toMap(problem), problem.getStatus());
    }
}
