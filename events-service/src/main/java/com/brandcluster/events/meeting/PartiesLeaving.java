package com.brandcluster.events.meeting;

import com.brandcluster.contracts.events.RegistrationCancelled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * An enterprise whose last confirmed registration for an event ended (cancelled by itself or the secretariat, or with
 * the whole event) leaves the event's matchmaking: its requested and accepted meetings there are called off, so that
 * the other enterprises' slots and the tables are free again. Read from this service's own
 * {@code events.registration.cancelled.v1} on RabbitMQ, so that it happens at least once whatever befell the request
 * that cancelled the registration. Idempotent: meetings that ended already are left alone, and an enterprise that
 * still (or again) holds a confirmed registration keeps its meetings.
 */
@Component
@RabbitListener(queues = "${brandcluster.events.meetings.queue}", id = "meeting-parties")
class PartiesLeaving {

    private static final Logger log = LoggerFactory.getLogger(PartiesLeaving.class);
    private static final String EVENT_CANCELLED = "EVENT_CANCELLED";

    private final Meetings meetings;
    private final Participants participants;

    PartiesLeaving(Meetings meetings, Participants participants) {
        this.meetings = meetings;
        this.participants = participants;
    }

    @RabbitHandler
    void on(RegistrationCancelled ended) {
        if (participants.isRegistered(ended.exchangeEventId(), ended.enterpriseId())) {
            return;
        }
        boolean eventCancelled = EVENT_CANCELLED.equals(ended.cancelledBy());
        int cancelled = meetings.cancelOpenMeetingsOf(ended.exchangeEventId(), ended.enterpriseId(),
                eventCancelled ? Meeting.CancelledBy.EVENT_CANCELLED : Meeting.CancelledBy.REGISTRATION_CANCELLED,
                // an enterprise's own reason for cancelling is not the other enterprise's business; the event's is
                eventCancelled ? ended.reason() : "The enterprise no longer takes part in the event.");
        if (cancelled > 0) {
            log.info("Enterprise {} left event {}: {} of its meetings called off", ended.enterpriseId(),
                    ended.exchangeEventId(), cancelled);
        }
    }
}
