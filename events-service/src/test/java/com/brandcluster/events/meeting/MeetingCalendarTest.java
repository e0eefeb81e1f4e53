package com.brandcluster.events.meeting;

import com.brandcluster.events.event.EventDetails;
import com.brandcluster.events.event.EventDetails.Kind;
import com.brandcluster.events.event.EventDetails.RegistrationPolicy;
import com.brandcluster.events.event.EventDetails.Visibility;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.TestEvents;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MeetingCalendarTest {

    private static final Instant START = Instant.parse("2026-06-18T01:00:00Z");
    private static final Instant REQUESTED_AT = Instant.parse("2026-05-20T02:00:00.250Z");
    private static final Map<String, String> NAMES = Map.of("ent-opal", "Opal Lighting", "ent-guzhen",
            "Guzhen Optics", "ent-zhongshan", "Zhongshan Lamps");

    @Test
    void acceptedMeetingsAreConfirmedEventsWithTheOtherEnterpriseTheTableAndTheMeetingsVersion() throws Exception {
        Meeting accepted = accepted("m1", slot(6), "ent-opal", "ent-guzhen");

        Calendar calendar = parse(MeetingCalendar.render("ent-guzhen", List.of(accepted), event(), NAMES::get));

        assertThat(value(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        VEvent vevent = calendar.<VEvent>getComponents("VEVENT").getFirst();
        assertThat(value(vevent, Property.UID)).isEqualTo("meeting-m1@brand-cluster-portal");
        assertThat(value(vevent, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(vevent, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(vevent, Property.SUMMARY)).isEqualTo("B2B meeting with Opal Lighting");
        assertThat(value(vevent, Property.DTSTART)).isEqualTo("20260618T060000Z");
        assertThat(value(vevent, Property.DTEND)).isEqualTo("20260618T063000Z");
        assertThat(value(vevent, Property.DTSTAMP)).as("the time of the last change").isEqualTo("20260520T020100Z");
        assertThat(value(vevent, Property.LOCATION)).isEqualTo("Table 2, Guzhen Lighting Expo Centre, Hall 3");
        assertThat(value(vevent, Property.DESCRIPTION)).contains("With Opal Lighting at Spring cooperation meeting, "
                + "table Table 2.").contains("Request: Export channels");
        assertThat(value(vevent, Property.URL)).isEqualTo("https://meet.example.com/lighting");
    }

    @Test
    void aMeetingCalledOffAfterItWasAcceptedIsCancelledAndARequestNeverAcceptedIsLeftOut() throws Exception {
        Meeting cancelled = accepted("m1", slot(6), "ent-opal", "ent-guzhen");
        cancelled.cancel(Meeting.CancelledBy.REQUESTER, "Flight moved", "r", REQUESTED_AT.plusSeconds(120));
        Meeting requested = requested("m2", slot(7), "ent-zhongshan", "ent-opal");
        Meeting declined = requested("m3", slot(8), "ent-zhongshan", "ent-opal");
        declined.decline(null, "opal", REQUESTED_AT.plusSeconds(60));
        Meeting other = accepted("m4", slot(8), "ent-opal", "ent-zhongshan");

        Calendar calendar = parse(MeetingCalendar.render("ent-opal", List.of(cancelled, requested, declined, other),
                event(), NAMES::get));

        List<VEvent> vevents = calendar.getComponents("VEVENT");
        assertThat(vevents).extracting(v -> value(v, Property.UID)).containsExactly(
                "meeting-m1@brand-cluster-portal", "meeting-m4@brand-cluster-portal");
        VEvent gone = vevents.getFirst();
        assertThat(value(gone, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(gone, Property.SEQUENCE)).isEqualTo("3");
        assertThat(value(gone, Property.SUMMARY)).isEqualTo("B2B meeting with Guzhen Optics");
        assertThat(value(gone, Property.DESCRIPTION)).startsWith("Called off: Flight moved");
        assertThat(value(vevents.getLast(), Property.SUMMARY)).isEqualTo("B2B meeting with Zhongshan Lamps");
    }

    @Test
    void anEnterpriseWithoutAcceptedMeetingsGetsACalendarWithoutEvents() throws Exception {
        Calendar calendar = parse(MeetingCalendar.render("ent-opal",
                List.of(requested("m2", slot(7), "ent-zhongshan", "ent-opal")), event(), NAMES::get));

        assertThat(calendar.getComponents("VEVENT")).isEmpty();
        assertThat(value(calendar, Property.PRODID)).contains("Brand Cluster Portal");
    }

    private static Meeting requested(String id, Meeting.SlotTimes slot, String requester, String invitee) {
        return Meeting.request(id, "e1", "lighting", "s-" + slot.startsAt(), slot, requester, invitee,
                "Export channels for LED drivers", REQUESTED_AT.plusSeconds(86400), "user", REQUESTED_AT);
    }

    private static Meeting accepted(String id, Meeting.SlotTimes slot, String requester, String invitee) {
        Meeting meeting = requested(id, slot, requester, invitee);
        meeting.accept(slot, "t2", "Table 2", "attempt", "user", REQUESTED_AT.plusSeconds(60));
        return meeting;
    }

    private static Meeting.SlotTimes slot(int hourUtc) {
        Instant start = START.plusSeconds((hourUtc - 1) * 3600L);
        return new Meeting.SlotTimes(start, start.plusSeconds(1800));
    }

    private static ExchangeEvent event() {
        EventDetails details = new EventDetails(Kind.COOPERATION_MEETING, "Spring cooperation meeting", null,
                List.of(), START, START.plusSeconds(8 * 3600), "Asia/Shanghai", "Guzhen Lighting Expo Centre, Hall 3",
                "https://meet.example.com/lighting", 120, 4, START.minusSeconds(86400 * 30),
                START.minusSeconds(86400 * 3), Visibility.PUBLIC, RegistrationPolicy.AUTOMATIC);
        return TestEvents.inState(ExchangeEvent.Status.PUBLISHED, "e1", "lighting", details, REQUESTED_AT);
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static String value(PropertyContainer container, String property) {
        return container.getProperty(property).orElseThrow().getValue();
    }
}
