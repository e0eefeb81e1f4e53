package com.brandcluster.salons.availability;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.NotFoundException;
import com.brandcluster.salons.expert.Expert;
import com.brandcluster.salons.expert.Experts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An expert's availability (set and read by the expert themself) and the free slots it gives (for everyone). Slots
 * come from the {@link SlotCalendar}, in the expert's profile zone, minus what every {@link TakenTime} reports.
 */
@Service
public class Availabilities {

    private static final Logger log = LoggerFactory.getLogger(Availabilities.class);

    private final Experts experts;
    private final MongoTemplate mongo;
    private final ObjectProvider<TakenTime> takenTime;
    private final Clock clock;

    Availabilities(Experts experts, MongoTemplate mongo, ObjectProvider<TakenTime> takenTime, Clock clock) {
        this.experts = experts;
        this.mongo = mongo;
        this.takenTime = takenTime;
        this.clock = clock;
    }

    Availability replace(String expertId, AvailabilityRules rules, BookingPolicy policy, Caller caller) {
        requireOwn(expertId, caller, "sets");
        experts.get(expertId);
        Availability availability = Availability.of(expertId, rules, policy, clock.instant());
        Availability saved = mongo.save(availability);
        log.info("Availability of expert {} set", expertId);
        return saved;
    }

    Availability get(String expertId, Caller caller) {
        requireOwn(expertId, caller, "reads");
        experts.get(expertId);
        return find(expertId).orElseThrow(() -> new NotFoundException("Availability", expertId));
    }

    /** The expert's availability, when they have set one. */
    Optional<Availability> find(String expertId) {
        return Optional.ofNullable(mongo.findById(expertId, Availability.class));
    }

    /** The expert's slot calendar, when they have set an availability (404 for an unknown expert). */
    public Optional<SlotCalendar> calendarOf(String expertId) {
        Expert expert = experts.get(expertId);
        return find(expertId).map(a -> new SlotCalendar(a.rules(), expert.zone()));
    }

    /** How the expert takes bookings, when they have set an availability. */
    public Optional<BookingPolicy> bookingPolicyOf(String expertId) {
        return find(expertId).map(Availability::policy);
    }

    /** Everything every {@link TakenTime} reports for the expert around {@code [from, to)} (a day either side). */
    public List<SlotCalendar.Interval> taken(String expertId, Instant from, Instant to) {
        List<SlotCalendar.Interval> taken = new ArrayList<>();
        Instant around = from.minus(Duration.ofDays(1));
        Instant until = to.plus(Duration.ofDays(1));
        takenTime.orderedStream().forEach(source -> taken.addAll(source.takenBetween(expertId, around, until)));
        return taken;
    }

    List<SlotCalendar.Slot> freeSlots(String expertId, Instant from, Instant to) {
        return calendarOf(expertId)
                .map(calendar -> calendar.freeSlots(from, to, taken(expertId, from, to), clock.instant()))
                .orElse(List.of());
    }

    /** The expert's first free slot starting in {@code [from, to)}; empty without an availability or a free slot. */
    public Optional<SlotCalendar.Slot> firstFreeSlot(String expertId, Instant from, Instant to) {
        return freeSlots(expertId, from, to).stream().findFirst();
    }

    ZoneId zoneOf(String expertId) {
        return experts.get(expertId).zone();
    }

    private static void requireOwn(String expertId, Caller caller, String verb) {
        if (!caller.isExpert() || !expertId.equals(caller.subject())) {
            throw new ForbiddenException("Only the expert themself " + verb + " their availability.");
        }
    }
}
