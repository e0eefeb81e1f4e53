package com.brandcluster.events.calendar;

import com.brandcluster.events.event.EventDetails;
import com.brandcluster.events.event.EventDetails.Session;
import com.brandcluster.events.event.EventDetails.Speaker;
import com.brandcluster.events.event.EventDetails.Visibility;
import com.brandcluster.events.event.ExchangeEvent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableClazz;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An exchange event as an iCalendar document: one {@code VEVENT} in UTC with a UID that never changes, the event's
 * version as {@code SEQUENCE} (so a calendar that imported it takes each change), the agenda in the description,
 * {@code METHOD:PUBLISH} while it stands and {@code METHOD:CANCEL} with {@code STATUS:CANCELLED} once cancelled, so
 * that calendars remove it.
 */
final class EventCalendar {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private EventCalendar() {
    }

    static String uid(ExchangeEvent event) {
        return "event-" + event.id() + "@brand-cluster-portal";
    }

    static String render(ExchangeEvent event) {
        EventDetails details = event.details();
        VEvent vevent = Calendars.vevent(uid(event), event.version(), details.startsAt(), details.endsAt(),
                details.title(), event.lastChangedAt(), "Secretariat of cluster " + event.clusterId());
        vevent.add(new Categories(details.kind().name()));
        vevent.add(details.visibility() == Visibility.PUBLIC ? ImmutableClazz.PUBLIC : ImmutableClazz.PRIVATE);
        vevent.add(switch (event.status()) {
            case DRAFT -> ImmutableStatus.VEVENT_TENTATIVE;
            case PUBLISHED -> ImmutableStatus.VEVENT_CONFIRMED;
            case CANCELLED -> ImmutableStatus.VEVENT_CANCELLED;
        });
        String description = description(event);
        if (!description.isBlank()) {
            vevent.add(new Description(description));
        }
        if (details.venue() != null && !details.venue().isBlank()) {
            vevent.add(new Location(details.venue()));
        }
        if (details.onlineLink() != null) {
            vevent.add(new Url(URI.create(details.onlineLink())));
        }
        return Calendars.render(event.status() == ExchangeEvent.Status.CANCELLED ? ImmutableMethod.CANCEL
                : ImmutableMethod.PUBLISH, List.of(vevent), "event " + event.id());
    }

    /** The description, the online link, the agenda in the event's local time, and why it was cancelled. */
    private static String description(ExchangeEvent event) {
        EventDetails details = event.details();
        ZoneId zone = ZoneId.of(details.timeZone());
        List<String> parts = new ArrayList<>();
        if (event.status() == ExchangeEvent.Status.CANCELLED) {
            parts.add("Cancelled: " + event.cancellationReason());
        }
        if (details.description() != null && !details.description().isBlank()) {
            parts.add(details.description());
        }
        if (details.onlineLink() != null) {
            parts.add("Online: " + details.onlineLink());
        }
        if (!details.agenda().isEmpty()) {
            parts.add("Agenda (" + zone.getId() + "):\n" + details.agenda().stream()
                    .map(session -> agendaLine(session, zone)).collect(Collectors.joining("\n")));
        }
        return String.join("\n\n", parts);
    }

    private static String agendaLine(Session session, ZoneId zone) {
        String line = CLOCK.format(session.startsAt().atZone(zone)) + "-" + CLOCK.format(session.endsAt().atZone(zone))
                + " " + session.title();
        if (session.speakers().isEmpty()) {
            return line;
        }
        return line + " (" + session.speakers().stream().map(EventCalendar::speaker)
                .collect(Collectors.joining("; ")) + ")";
    }

    private static String speaker(Speaker speaker) {
        String about = String.join(", ", Stream.of(speaker.title(), speaker.organisation())
                .filter(Objects::nonNull).filter(s -> !s.isBlank()).toList());
        return about.isEmpty() ? speaker.name() : speaker.name() + ", " + about;
    }
}
