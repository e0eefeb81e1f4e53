package com.brandcluster.platform.messaging;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import com.brandcluster.platform.web.Problems;

/**
 * The dead-letter queues of this service's consumers at {@code /actuator/deadletters} (alliance administrators
 * only, see {@link DeadLettersAutoConfiguration}):
 * <ul>
 * <li>{@code GET /actuator/deadletters}: every consumer queue with the message count of its DLQ;</li>
 * <li>{@code GET /actuator/deadletters/{queue}?limit=20}: the first messages of its DLQ, left in place;</li>
 * <li>{@code POST /actuator/deadletters/{queue}} with {@code {"eventId": "..."}} or {@code {"all": true}}: replay
 * them to the queue;</li>
 * <li>{@code DELETE /actuator/deadletters/{queue}?eventId=...} or {@code ?all=true}: discard them.</li>
 * </ul>
 * Errors are problem details: 404 for an unknown queue or an event id that is not in the DLQ, 400 for a missing or
 * contradictory selection, 503 when RabbitMQ is unavailable. The semantics are those of {@link DeadLetters}.
 */
@Endpoint(id = DeadLettersEndpoint.ID)
public class DeadLettersEndpoint {

    public static final String ID = "deadletters";

    static final int DEFAULT_LIMIT = 20;

    private static final Logger log = LoggerFactory.getLogger(DeadLettersEndpoint.class);

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The answer of the list. */
    public record Queues(List<DeadLetters.QueueCount> queues) {
    }

    /** The answer of a replay or discard: how many messages, and how many the DLQ holds now. */
    public record Outcome(String queue, String action, int messages, @Nullable Long remaining) {
    }

    @ReadOperation
    public WebEndpointResponse<Object> queues() {
        return answer(() -> new Queues(deadLetters.counts()));
    }

    @ReadOperation
    public WebEndpointResponse<Object> messages(@Selector String queue, @Nullable Integer limit) {
        if (limit != null && (limit < 1 || limit > DeadLetters.MAX_SHOWN)) {
            return problem(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request",
                    "limit must be between 1 and " + DeadLetters.MAX_SHOWN + "."));
        }
        return answer(() -> deadLetters.inspect(queue, limit == null ? DEFAULT_LIMIT : limit));
    }

    @WriteOperation
    public WebEndpointResponse<Object> replay(@Selector String queue, @Nullable String eventId,
                                              @Nullable Boolean all, SecurityContext caller) {
        return act("replay", queue, eventId, all, caller, () -> deadLetters.replay(queue, eventId));
    }

    @DeleteOperation
    public WebEndpointResponse<Object> discard(@Selector String queue, @Nullable String eventId,
                                               @Nullable Boolean all, SecurityContext caller) {
        return act("discard", queue, eventId, all, caller, () -> deadLetters.discard(queue, eventId));
    }

    private WebEndpointResponse<Object> act(String action, String queue, @Nullable String eventId,
                                            @Nullable Boolean all, SecurityContext caller, Action work) {
        boolean everything = Boolean.TRUE.equals(all);
        if (everything == (eventId != null && !eventId.isBlank())) {
            return problem(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request",
                    "Say which messages to " + action + ": either eventId or all=true."));
        }
        return answer(() -> {
            int messages = work.run();
            log.info("{} by {}: {} message(s) of the dead-letter queue of {}{}", action,
                    caller.getPrincipal() == null ? "?" : caller.getPrincipal().getName(), messages, queue,
                    everything ? "" : " with event id " + eventId);
            if (messages == 0 && !everything) {
                return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not Found",
                        "The dead-letter queue of " + queue + " holds no message with this event id.");
            }
            return new Outcome(queue, action, messages, remaining(queue));
        });
    }

    private @Nullable Long remaining(String queue) {
        return deadLetters.counts().stream().filter(count -> count.queue().equals(queue)).findFirst()
                .map(DeadLetters.QueueCount::messages).orElse(null);
    }

    @FunctionalInterface
    private interface Action {

        int run();
    }

    @FunctionalInterface
    private interface Answer {

        Object get();
    }

    private WebEndpointResponse<Object> answer(Answer answer) {
        try {
            Object body = answer.get();
            return body instanceof ProblemDetail problem ? problem(problem) : new WebEndpointResponse<>(body);
        }
        catch (DeadLetters.UnknownQueueException ex) {
            return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not Found",
                    "This service has no consumer queue of that name; it has " + deadLetters.queues() + "."));
        }
        catch (AmqpException ex) {
            log.warn("Dead-letter operation failed: {}", ex.toString());
            return problem(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", "Service Unavailable",
                    "RabbitMQ did not complete the operation; nothing was lost, try again later."));
        }
    }

    /** A problem detail as the body (actuator answers with its own JSON content type). */
    private static WebEndpointResponse<Object> problem(ProblemDetail problem) {
        Map<String, Object> body = Problems.toMap(problem);
        return new WebEndpointResponse<>(body, problem.getStatus());
    }
}
