package com.brandcluster.events.meeting;

import com.brandcluster.events.calendar.Calendars;
import com.brandcluster.events.event.EventDetails;
import com.brandcluster.events.event.ExchangeEvent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An enterprise's B2B meetings at an event as one iCalendar document: a {@code VEVENT} per meeting it accepted or
 * that was accepted of it, with a UID that is the meeting's for good and its version as {@code SEQUENCE}; one called
 * off after it was accepted stays with {@code STATUS:CANCELLED}, so that a calendar that imported it removes it.
 * Requests that were never accepted are in nobody's calendar.
 */
final class MeetingCalendar {

    private MeetingCalendar() {
    }

    static String uid(Meeting meeting) {
        return "meeting-" + meeting.id() + "@brand-cluster-portal";
    }

    /**
     * @param names an enterprise's name by its id, as the agenda shows the other enterprise
     */
    static String render(String enterpriseId, List<Meeting> meetings, ExchangeEvent event,
                         UnaryOperator<String> names) {
        List<VEvent> vevents = meetings.stream().filter(Meeting::wasAccepted)
                .map(meeting -> vevent(meeting, enterpriseId, event, names)).toList();
        return Calendars.render(ImmutableMethod.PUBLISH, vevents,
                "the meetings of " + enterpriseId + " at event " + event.id());
    }

    private static VEvent vevent(Meeting meeting, String enterpriseId, ExchangeEvent event,
                                 UnaryOperator<String> names) {
        EventDetails details = event.details();
        String other = names.apply(meeting.requesterEnterpriseId().equals(enterpriseId)
                ? meeting.inviteeEnterpriseId() : meeting.requesterEnterpriseId());
        Meeting.SlotTimes slot = meeting.slotTimes();
        VEvent vevent = Calendars.vevent(uid(meeting), meeting.version(), slot.startsAt(), slot.endsAt(),
                "B2B meeting with " + other, meeting.lastChangedAt(), "Secretariat of cluster " + event.clusterId());
        vevent.add(new Categories("B2B_MEETING"));
        vevent.add(meeting.status() == Meeting.Status.ACCEPTED ? ImmutableStatus.VEVENT_CONFIRMED
                : ImmutableStatus.VEVENT_CANCELLED);
        vevent.add(new Location(details.venue() == null || details.venue().isBlank() ? meeting.tableName()
                : meeting.tableName() + ", " + details.venue()));
        if (details.onlineLink() != null) {
            vevent.add(new Url(URI.create(details.onlineLink())));
        }
        vevent.add(new Description(description(meeting, details, other)));
        return vevent;
    }

    private static String description(Meeting meeting, EventDetails details, String other) {
        List<String> parts = new ArrayList<>();
        if (meeting.status() == Meeting.Status.CANCELLED) {
            parts.add("Called off" + (meeting.lastReason() == null ? "." : ": " + meeting.lastReason()));
        }
        parts.add("With " + other + " at " + details.title() + ", table " + meeting.tableName() + ".");
        if (meeting.message() != null) {
            parts.add("Request: " + meeting.message());
        }
        return String.join("\n\n", parts);
    }
}
