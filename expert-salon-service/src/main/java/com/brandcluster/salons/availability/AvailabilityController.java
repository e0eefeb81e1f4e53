package com.brandcluster.salons.availability;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.DomainException;
import com.brandcluster.platform.web.Problems;
import com.brandcluster.salons.availability.AvailabilityRequests.AvailabilityInput;
import com.brandcluster.salons.availability.AvailabilityRequests.AvailabilityView;
import com.brandcluster.salons.availability.AvailabilityRequests.SlotsView;
import com.brandcluster.salons.expert.IanaZone;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

@RestController
@RequestMapping("/api/salons/experts/{expertId}")
class AvailabilityController {

    static final Duration MAX_RANGE = Duration.ofDays(31);

    private final Availabilities availabilities;

    AvailabilityController(Availabilities availabilities) {
        this.availabilities = availabilities;
    }

    /** The expert themself sets their whole availability. */
    @PutMapping("/availability")
    AvailabilityView replace(@PathVariable String expertId, @Valid @RequestBody AvailabilityInput request,
                             Caller caller) {
        Availability saved = availabilities.replace(expertId, request.rules(), request.policy(), caller);
        return AvailabilityView.of(saved, availabilities.zoneOf(expertId).getId());
    }

    /** The expert themself reads it (everyone else sees the free slots it gives). */
    @GetMapping("/availability")
    AvailabilityView get(@PathVariable String expertId, Caller caller) {
        Availability availability = availabilities.get(expertId, caller);
        return AvailabilityView.of(availability, availabilities.zoneOf(expertId).getId());
    }

    /**
     * Public: the free slots starting in {@code [from, to)}. {@code from} and {@code to} are instants with an offset
     * ({@code 2026-03-29T00:00:00Z}) or dates, taken as the start of that day in {@code tz}; {@code tz} (an IANA
     * zone) is the zone the local times are reported in, the expert's own by default. At most 31 days.
     */
    @GetMapping("/slots")
    SlotsView slots(@PathVariable String expertId, @RequestParam String from, @RequestParam String to,
                    @RequestParam(required = false) String tz) {
        ZoneId expertZone = availabilities.zoneOf(expertId);
        ZoneId zone = tz == null ? expertZone : IanaZone.Validator.parse(tz).orElseThrow(() ->
                new BadSlotQueryException("tz", "must be an IANA time zone such as Europe/Berlin"));
        Instant start = instant("from", from, zone);
        Instant end = instant("to", to, zone);
        if (!end.isAfter(start)) {
            throw new BadSlotQueryException("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new BadSlotQueryException("to", "must be at most 31 days after from");
        }
        List<SlotView> slots = availabilities.freeSlots(expertId, start, end).stream()
                .map(slot -> SlotView.of(slot, zone)).toList();
        int slotMinutes = availabilities.find(expertId).map(a -> a.rules().slotMinutes()).orElse(0);
        return new SlotsView(expertId, expertZone.getId(), zone.getId(), start, end, slotMinutes, slots);
    }

    private static Instant instant(String name, String value, ZoneId zone) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadSlotQueryException(name, "must be an ISO-8601 instant with offset (2026-03-29T09:00:00Z) "
                    + "or a date (2026-03-29)");
        }
    }

    /** 400 {@code validation} for a slot query with a bad parameter; names it. */
    static final class BadSlotQueryException extends DomainException {

        BadSlotQueryException(String parameter, String message) {
            super(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "The parameter " + parameter + " " + message
                    + ".");
            withProperty(Problems.ERRORS, List.of(new Problems.FieldError(parameter, message)));
        }
    }
}
