package com.brandcluster.salons.salon;

import com.brandcluster.salons.calendar.CalendarEntry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.stream.Collectors;

/**
 * A salon registration as a calendar event: the salon's time, venue (LOCATION) and online link (URL), its theme and
 * description, and the attendees. The UID stays the registration's for its whole life and the SEQUENCE is the
 * registration's version, so a calendar that imported it updates the event: TENTATIVE while waitlisted or offered,
 * CONFIRMED once confirmed, cancelled (METHOD:CANCEL) when cancelled or when its offer lapsed.
 */
final class RegistrationCalendar {

    private RegistrationCalendar() {
    }

    static String uid(Registration registration) {
        return "salon-registration-" + registration.id() + "@brand-cluster";
    }

    static CalendarEntry entry(Registration registration, Salon salon) {
        CalendarEntry.Status status = switch (registration.status()) {
            case CONFIRMED -> CalendarEntry.Status.CONFIRMED;
            case WAITLISTED, OFFERED -> CalendarEntry.Status.TENTATIVE;
            case LAPSED, CANCELLED -> CalendarEntry.Status.CANCELLED;
        };
        return new CalendarEntry(uid(registration), registration.version(), salon.startsAt(), salon.endsAt(),
                salon.title(), description(registration, salon), salon.venue(), link(salon.onlineLink()), status,
                registration.history().getLast().at(), "Secretariat of cluster " + salon.clusterId());
    }

    private static String description(Registration registration, Salon salon) {
        StringBuilder text = new StringBuilder("Theme: ").append(salon.theme());
        if (salon.description() != null && !salon.description().isBlank()) {
            text.append("\n\n").append(salon.description());
        }
        text.append("\n\nAttendees: ").append(registration.attendees().stream().map(Registration.Attendee::name)
                .collect(Collectors.joining(", ")));
        return text.toString();
    }

    /** The online link as a URL; one that is not a valid URI (the salon only checked its shape) is left out. */
    private static URI link(String onlineLink) {
        if (onlineLink == null) {
            return null;
        }
        try {
            return new URI(onlineLink);
        } catch (URISyntaxException notAUri) {
            return null;
        }
    }
}
