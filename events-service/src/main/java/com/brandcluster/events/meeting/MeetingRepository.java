package com.brandcluster.events.meeting;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

interface MeetingRepository extends MongoRepository<Meeting, String> {

    /** How often a change the service makes on its own is applied again to a meeting changed meanwhile. */
    int SYSTEM_ATTEMPTS = 5;

    default Meeting get(String meetingId) {
        return findById(meetingId).orElseThrow(() -> MeetingProblems.meetingNotFound(meetingId));
    }

    /** Saves a caller's change, or answers 409 if somebody else changed the meeting since it was read. */
    default Meeting saveChange(Meeting meeting) {
        try {
            return save(meeting);
        } catch (OptimisticLockingFailureException lostRace) {
            throw MeetingProblems.concurrentChange("meeting");
        }
    }

    /**
     * A change the service makes on its own (expiry, a party's registration ended), with no caller to answer a
     * conflict: applied to the freshest meeting and applied again if it changed in between; {@code change} returns
     * false when there is nothing (left) to do.
     *
     * @return the saved meeting with the state it left; empty if there was nothing to do
     */
    default Optional<Changed> changeOnItsOwn(String meetingId, Predicate<Meeting> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Meeting> found = findById(meetingId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Meeting meeting = found.get();
            Meeting.Status before = meeting.status();
            if (!change.test(meeting)) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Changed(save(meeting), before));
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                if (attempt == SYSTEM_ATTEMPTS) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    record Changed(Meeting meeting, Meeting.Status before) {
    }

    List<Meeting> findByStatusAndExpiresAtLessThanEqual(Meeting.Status status, Instant at);

    List<Meeting> findByExchangeEventIdAndStatusAndSlotIdNotIn(String eventId, Meeting.Status status,
                                                                Collection<String> slotIds);

    List<Meeting> findByExchangeEventIdAndStatus(String eventId, Meeting.Status status);

    long countByExchangeEventIdAndStatus(String eventId, Meeting.Status status);
}
