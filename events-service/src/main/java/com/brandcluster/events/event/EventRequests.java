package com.brandcluster.events.event;

import com.brandcluster.events.event.EventDetails.Kind;
import com.brandcluster.events.event.EventDetails.RegistrationPolicy;
import com.brandcluster.events.event.EventDetails.Session;
import com.brandcluster.events.event.EventDetails.Speaker;
import com.brandcluster.events.event.EventDetails.Visibility;
import com.brandcluster.platform.web.DomainException;
import com.brandcluster.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

@NullMarked
final class EventRequests {

    private static final int EARLIEST_YEAR = 2000;
    private static final int LATEST_YEAR = 2999;

    private EventRequests() {
    }

    /**
     * The editable form of an event, for creating it and as the base a merge patch is applied to. Times are local
     * date-times in {@code timeZone}, an IANA zone id; agenda sessions are in the same zone.
     */
    record EventInput(@NotNull Kind kind,
                      @NotBlank @Size(max = 200) String title,
                      @Size(max = 10000) @Nullable String description,
                      @Size(max = 50) @Nullable List<@NotNull @Valid SessionInput> agenda,
                      @NotNull LocalDateTime startsAt,
                      @NotNull LocalDateTime endsAt,
                      @NotBlank @Size(max = 64) String timeZone,
                      @Size(max = 500) @Nullable String venue,
                      @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https link")
                      @Nullable String onlineLink,
                      @NotNull @Min(1) @Max(100000) Integer capacity,
                      @NotNull @Min(1) @Max(100000) Integer seatsPerEnterprise,
                      @NotNull LocalDateTime registrationOpensAt,
                      @NotNull LocalDateTime registrationClosesAt,
                      @NotNull Visibility visibility,
                      @NotNull RegistrationPolicy registrationPolicy) {

        /** The stored form, checked as a whole: a 400 for an unknown zone or link, a 422 for a broken rule. */
        EventDetails details() {
            ZoneId zone = zone(timeZone);
            requireUri(onlineLink);
            List<Session> sessions = agenda == null ? List.of()
                    : agenda.stream().map(s -> s.session(zone)).toList();
            return new EventDetails(kind, title, description, sessions, at(startsAt, zone, "start"),
                    at(endsAt, zone, "end"), zone.getId(), venue, onlineLink, capacity, seatsPerEnterprise,
                    at(registrationOpensAt, zone, "registration opening"),
                    at(registrationClosesAt, zone, "registration closing"), visibility, registrationPolicy)
                    .validated();
        }

        static EventInput of(EventDetails d) {
            ZoneId zone = ZoneId.of(d.timeZone());
            return new EventInput(d.kind(), d.title(), d.description(),
                    d.agenda().stream().map(s -> SessionInput.of(s, zone)).toList(), local(d.startsAt(), zone),
                    local(d.endsAt(), zone), d.timeZone(), d.venue(), d.onlineLink(), d.capacity(),
                    d.seatsPerEnterprise(), local(d.registrationOpensAt(), zone),
                    local(d.registrationClosesAt(), zone), d.visibility(), d.registrationPolicy());
        }
    }

    record SessionInput(@NotBlank @Size(max = 200) String title,
                        @NotNull LocalDateTime startsAt,
                        @NotNull LocalDateTime endsAt,
                        @Size(max = 20) @Nullable List<@NotNull @Valid SpeakerInput> speakers) {

        Session session(ZoneId zone) {
            List<Speaker> people = speakers == null ? List.of()
                    : speakers.stream().map(s -> new Speaker(s.name(), s.title(), s.organisation())).toList();
            return new Session(title, at(startsAt, zone, "start of session '" + title + "'"),
                    at(endsAt, zone, "end of session '" + title + "'"), people);
        }

        static SessionInput of(Session s, ZoneId zone) {
            return new SessionInput(s.title(), local(s.startsAt(), zone), local(s.endsAt(), zone),
                    s.speakers().stream().map(p -> new SpeakerInput(p.name(), p.title(), p.organisation())).toList());
        }
    }

    record SpeakerInput(@NotBlank @Size(max = 200) String name,
                        @Size(max = 200) @Nullable String title,
                        @Size(max = 200) @Nullable String organisation) {
    }

    record Cancellation(@NotBlank @Size(max = 2000) String reason) {
    }

    record EventView(String id, String clusterId, Kind kind, String title, @Nullable String description,
                     List<SessionView> agenda, Instant startsAt, Instant endsAt, String timeZone,
                     LocalDateTime localStartsAt, LocalDateTime localEndsAt, @Nullable String venue,
                     @Nullable String onlineLink,
                     int capacity, int seatsPerEnterprise, int seatsTaken, int seatsAvailable,
                     Instant registrationOpensAt, Instant registrationClosesAt, Visibility visibility,
                     RegistrationPolicy registrationPolicy, String status, @Nullable String cancellationReason,
                     long version) {

        static EventView of(ExchangeEvent e) {
            EventDetails d = e.details();
            ZoneId zone = ZoneId.of(d.timeZone());
            return new EventView(e.id(), e.clusterId(), d.kind(), d.title(), d.description(),
                    d.agenda().stream().map(s -> SessionView.of(s, zone)).toList(), d.startsAt(), d.endsAt(),
                    d.timeZone(), local(d.startsAt(), zone), local(d.endsAt(), zone), d.venue(), d.onlineLink(),
                    d.capacity(), d.seatsPerEnterprise(), e.seatsTaken(), Math.max(0, d.capacity() - e.seatsTaken()),
                    d.registrationOpensAt(), d.registrationClosesAt(), d.visibility(), d.registrationPolicy(),
                    e.status().name(), e.cancellationReason(), e.version());
        }
    }

    record SessionView(String title, Instant startsAt, Instant endsAt, LocalDateTime localStartsAt,
                       LocalDateTime localEndsAt, List<Speaker> speakers) {

        static SessionView of(Session s, ZoneId zone) {
            return new SessionView(s.title(), s.startsAt(), s.endsAt(), local(s.startsAt(), zone),
                    local(s.endsAt(), zone), s.speakers());
        }
    }

    /** An IANA region id such as Asia/Shanghai; fixed offsets do not follow a region's DST rules and are refused. */
    static ZoneId zone(String id) {
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw new InvalidFieldException("timeZone", "must be an IANA time zone id such as Asia/Shanghai",
                    "'" + id + "' is not an IANA time zone id such as Asia/Shanghai.");
        }
        return ZoneId.of(id);
    }

    /** The link goes into calendars as a URI, so it must be one (the pattern alone lets '{' or '%zz' through). */
    private static void requireUri(@Nullable String link) {
        if (link == null) {
            return;
        }
        try {
            URI.create(link);
        } catch (IllegalArgumentException notAUri) {
            throw new InvalidFieldException("onlineLink", "must be an https link",
                    "The online link is not a valid URL.");
        }
    }

    /**
     * A local time the clocks skip in the zone (a DST gap) is refused rather than silently shifted; so is one beyond
     * any calendar's reach (and MongoDB's dates).
     */
    private static Instant at(LocalDateTime local, ZoneId zone, String what) {
        if (local.getYear() < EARLIEST_YEAR || local.getYear() > LATEST_YEAR) {
            throw new InvalidEventException("The " + what + " time " + local + " lies outside the years "
                    + EARLIEST_YEAR + " to " + LATEST_YEAR + ".");
        }
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw new InvalidEventException("The " + what + " time " + local + " does not exist in " + zone.getId()
                    + ": the clocks skip it.");
        }
        return local.atZone(zone).toInstant();
    }

    private static LocalDateTime local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    /** 400 naming the field, like any field bean validation refuses. */
    static final class InvalidFieldException extends DomainException {

        InvalidFieldException(String field, String message, String detail) {
            super(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
            withProperty(Problems.ERRORS, List.of(new Problems.FieldError(field, message)));
        }
    }
}
