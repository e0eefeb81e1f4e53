package com.brandcluster.events.registration;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The attendees' check-in codes: 128 random bits, URL-safe (22 characters), issued the first time an attendee's code
 * is asked for and the same from then on. Issuing is idempotent and safe under concurrency: the unique index on the
 * attendee lets only the first of two racing requests insert, and the other reads the winner's code.
 */
@Component
class CheckInCodes {

    private static final int CODE_BYTES = 16;
    private static final int ISSUE_ROUNDS = 3;
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final MongoOperations mongo;
    private final Clock clock;

    CheckInCodes(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The attendee's code, issued now if they have none yet. */
    String codeOf(Registration registration, Registration.Attendee attendee) {
        // a second round reads the code a racing request issued; a third would take a collision of random codes
        for (int round = 0; round < ISSUE_ROUNDS; round++) {
            Optional<CheckInCode> issued = issuedTo(registration.id(), attendee.id());
            if (issued.isPresent()) {
                return issued.get().code();
            }
            try {
                return mongo.insert(new CheckInCode(newCode(), registration.id(), attendee.id(),
                        registration.exchangeEventId(), clock.instant())).code();
            } catch (DuplicateKeyException issuedMeanwhile) {
                // another request issued the attendee's code first: it is read on the next round
            }
        }
        throw new IllegalStateException("No check-in code could be issued to attendee " + attendee.id());
    }

    /** Whose code this is; empty if nobody's. */
    Optional<CheckInCode> find(String code) {
        return Optional.ofNullable(mongo.findById(code, CheckInCode.class));
    }

    private Optional<CheckInCode> issuedTo(String registrationId, String attendeeId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("registrationId").is(registrationId)
                .and("attendeeId").is(attendeeId)), CheckInCode.class));
    }

    private String newCode() {
        byte[] bytes = new byte[CODE_BYTES];
        random.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }
}
