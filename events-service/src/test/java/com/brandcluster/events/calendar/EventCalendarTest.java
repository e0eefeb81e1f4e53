package com.brandcluster.events.calendar;

import com.brandcluster.events.event.EventDetails;
import com.brandcluster.events.event.EventDetails.Kind;
import com.brandcluster.events.event.EventDetails.RegistrationPolicy;
import com.brandcluster.events.event.EventDetails.Session;
import com.brandcluster.events.event.EventDetails.Speaker;
import com.brandcluster.events.event.EventDetails.Visibility;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.TestEvents;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventCalendarTest {

    private static final Instant START = Instant.parse("2026-06-18T01:30:00Z");
    private static final Instant END = Instant.parse("2026-06-18T09:00:00Z");
    private static final Instant CHANGED = Instant.parse("2026-05-06T02:00:07.456Z");

    @Test
    void aPublishedEventIsAConfirmedVEventInUtcWithItsAgendaInLocalTime() throws Exception {
        String text = EventCalendar.render(event(ExchangeEvent.Status.PUBLISHED, Visibility.PUBLIC));

        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART:20260618T013000Z")
                .contains("DTEND:20260618T090000Z").contains("DTSTAMP:20260506T020007Z");
        assertThat(text.lines()).allMatch(line -> line.getBytes(StandardCharsets.UTF_8).length <= 75);
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        assertThat(value(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        assertThat(value(calendar, Property.PRODID)).contains("Exchange Events");
        VEvent vevent = calendar.<VEvent>getComponents("VEVENT").getFirst();
        assertThat(value(vevent, Property.UID)).isEqualTo("event-6a3c4d5e6f708192a3b4c5d0@brand-cluster-portal");
        assertThat(value(vevent, Property.SEQUENCE)).as("the event's version").isEqualTo("2");
        assertThat(value(vevent, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(vevent, Property.SUMMARY)).isEqualTo("Spring cooperation meeting");
        assertThat(value(vevent, Property.LOCATION)).isEqualTo("Guzhen Lighting Expo Centre, Hall 3");
        assertThat(value(vevent, Property.URL)).isEqualTo("https://meet.example.com/lighting");
        assertThat(value(vevent, Property.CATEGORIES)).isEqualTo("COOPERATION_MEETING");
        assertThat(value(vevent, Property.CLASS)).isEqualTo("PUBLIC");
        assertThat(vevent.getProperty(Property.ORGANIZER).orElseThrow().getParameter("CN").orElseThrow().getValue())
                .isEqualTo("Secretariat of cluster lighting");
        assertThat(value(vevent, Property.DESCRIPTION)).isEqualTo("""
                Members plan the cluster's export work.

                Online: https://meet.example.com/lighting

                Agenda (Asia/Shanghai):
                09:30-10:00 Opening (Wang Fang, Secretary-general, China Lighting Brand Cluster)
                10:00-12:00 Export channels (Li Ming; Zhao Lei, Opal Lighting)""");
    }

    @Test
    void aCancelledEventIsACancelOfTheSameUidWithTheReasonAndTheNextSequence() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(
                EventCalendar.render(event(ExchangeEvent.Status.CANCELLED, Visibility.MEMBERS_ONLY))));

        assertThat(value(calendar, Property.METHOD)).isEqualTo("CANCEL");
        VEvent vevent = calendar.<VEvent>getComponents("VEVENT").getFirst();
        assertThat(value(vevent, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(vevent, Property.UID)).isEqualTo("event-6a3c4d5e6f708192a3b4c5d0@brand-cluster-portal");
        assertThat(value(vevent, Property.SEQUENCE)).isEqualTo("3");
        assertThat(value(vevent, Property.CLASS)).isEqualTo("PRIVATE");
        assertThat(value(vevent, Property.DESCRIPTION)).startsWith("Cancelled: Typhoon warning");
    }

    @Test
    void aDraftIsTentative() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(
                EventCalendar.render(event(ExchangeEvent.Status.DRAFT, Visibility.PUBLIC))));

        assertThat(value(calendar.<VEvent>getComponents("VEVENT").getFirst(), Property.STATUS)).isEqualTo("TENTATIVE");
        assertThat(value(calendar, Property.METHOD)).isEqualTo("PUBLISH");
    }

    private static String value(net.fortuna.ical4j.model.PropertyContainer container, String property) {
        return container.getProperty(property).orElseThrow().getValue();
    }

    private static ExchangeEvent event(ExchangeEvent.Status status, Visibility visibility) {
        EventDetails details = new EventDetails(Kind.COOPERATION_MEETING, "Spring cooperation meeting",
                "Members plan the cluster's export work.", List.of(
                new Session("Opening", START, START.plusSeconds(1800),
                        List.of(new Speaker("Wang Fang", "Secretary-general", "China Lighting Brand Cluster"))),
                new Session("Export channels", START.plusSeconds(1800), START.plusSeconds(9000),
                        List.of(new Speaker("Li Ming", null, " "), new Speaker("Zhao Lei", null, "Opal Lighting")))),
                START, END, "Asia/Shanghai", "Guzhen Lighting Expo Centre, Hall 3",
                "https://meet.example.com/lighting", 120, 4, START.minusSeconds(86400 * 30),
                START.minusSeconds(86400 * 3), visibility, RegistrationPolicy.AUTOMATIC);
        return TestEvents.inState(status, "6a3c4d5e6f708192a3b4c5d0", "lighting", details, CHANGED);
    }
}
