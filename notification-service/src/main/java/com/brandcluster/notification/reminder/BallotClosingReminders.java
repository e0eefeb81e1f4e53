package com.brandcluster.notification.reminder;

import com.brandcluster.contracts.membership.ConventionBallotClosingSoon;
import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.notification.inbox.Category;
import com.brandcluster.notification.inbox.NotificationRequest;
import com.brandcluster.notification.inbox.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Reminds the users of every enterprise that membership-service found without a vote a day before a ballot closes.
 * The event is the reminder (membership-service publishes it once per ballot), so it is notified at once, with the
 * event id as source id: a redelivery makes no second notification (the {@link Notifier} is idempotent on it per
 * user), and a delivery that failed half-way finishes the rest.
 */
@Component
class BallotClosingReminders {

    static final String MESSAGE_KEY = "reminder.ballot.closing-soon";
    private static final Logger log = LoggerFactory.getLogger(BallotClosingReminders.class);

    private final Notifier notifier;

    BallotClosingReminders(Notifier notifier) {
        this.notifier = notifier;
    }

    void notify(ConventionBallotClosingSoon event) {
        for (String enterpriseId : event.notVoted()) {
            notifier.notify(new NotificationRequest(event.eventId().toString(), new Audience.Enterprise(enterpriseId),
                    Category.BALLOTS, MESSAGE_KEY, Map.of("title", event.title(), "closesAt", event.closesAt()),
                    null, "/membership/conventions/" + event.conventionId(), null, event.occurredAt()));
        }
        log.info("Ballot on convention {} closes at {}: {} enterprises reminded to vote", event.conventionId(),
                event.closesAt(), event.notVoted().size());
    }
}
