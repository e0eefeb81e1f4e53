package com.brandcluster.salons.consultation;

import com.brandcluster.salons.availability.Availabilities;
import com.brandcluster.salons.availability.SlotCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a booking that crashed half-way leaves behind (simulated by reserving without booking) is taken back by the
 * housekeeping once the grace period passed; what bookings hold is left alone.
 */
class ConsultationHousekeepingIT extends ConsultationIntegrationTest {

    @Autowired
    ConsultationHousekeeping housekeeping;

    @Autowired
    ExpertDays expertDays;

    @Autowired
    ConsultationHours hours;

    @Autowired
    Availabilities availabilities;

    @Test
    void expertTimeAndHoursNoBookingHoldsAreReleasedAfterTheGracePeriod() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String held = booked(enterprise, expertId, cluster, at(3, 10));
        Instant orphanStart = at(3, 14);
        SlotCalendar calendar = availabilities.calendarOf(expertId).orElseThrow();
        Instant crashedAt = Instant.now();
        expertDays.reserve("crashed-booking", expertId, new SlotCalendar.Slot(orphanStart,
                orphanStart.plus(Duration.ofHours(1))), calendar, crashedAt);
        hours.reserve(cluster, enterprise, validUntil(), "crashed-booking", 60, 600, crashedAt);
        assertThat(freeSlots(expertId, orphanStart)).contains(orphanStart);
        assertThat(book(member(cluster), expertId, cluster, orphanStart).status()).as("blocked by the leftover")
                .isEqualTo(409);
        assertThat(usedMinutes(cluster, enterprise)).isEqualTo(120);

        housekeeping.tidy(crashedAt.plus(Duration.ofMinutes(1)));
        assertThat(usedMinutes(cluster, enterprise)).as("within the grace period").isEqualTo(120);

        housekeeping.tidy(crashedAt.plus(Duration.ofMinutes(10)));

        assertThat(usedMinutes(cluster, enterprise)).isEqualTo(60);
        assertThat(hours.reservation(ConsultationHours.accountId(cluster, enterprise, validUntil()), held))
                .isPresent();
        assertThat(booked(member(cluster), expertId, cluster, orphanStart)).isNotNull();
        assertProblem(book(member(cluster), expertId, cluster, at(3, 10)), 409, "slot-taken");
    }

    @Test
    void hoursACancellationFailedToReturnAreReturned() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String id = booked(enterprise, expertId, cluster, at(3, 10));
        api.as(enterpriseUser(enterprise)).post(PATH + "/" + id + "/cancellation", Map.of("reason", "No longer"));
        String account = ConsultationHours.accountId(cluster, enterprise, validUntil());
        Instant cancelledAt = stored(id).cancellation().at();
        // as if the instance died between the cancellation's save and the release of its hours
        hours.reserve(cluster, enterprise, validUntil(), id, 60, 600, cancelledAt.minus(Duration.ofMinutes(1)));
        assertThat(usedMinutes(cluster, enterprise)).isEqualTo(60);

        housekeeping.tidy(cancelledAt.plus(Duration.ofMinutes(10)));

        assertThat(usedMinutes(cluster, enterprise)).isZero();
        assertThat(hours.reservation(account, id)).isEmpty();
    }

    @Test
    void expertTimeOfAMovedOrCancelledBookingIsReleased() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String id = booked(enterprise, expertId, cluster, at(3, 10));
        Instant start = at(3, 10);
        // as if the cancellation's save went through and its release did not
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("slotKey")
                .set("state", Consultation.State.CANCELLED), Consultation.class);
        List<ExpertDays.Session> before = sessions(expertId, start);
        assertThat(before).hasSize(1);

        housekeeping.tidy(before.getFirst().reservedAt().plus(Duration.ofMinutes(10)));

        assertThat(sessions(expertId, start)).isEmpty();
    }

    private List<ExpertDays.Session> sessions(String expertId, Instant day) {
        return mongo.findById(ExpertDays.id(expertId, day.atZone(SHANGHAI).toLocalDate()), ExpertDays.Ledger.class)
                .sessions();
    }
}
