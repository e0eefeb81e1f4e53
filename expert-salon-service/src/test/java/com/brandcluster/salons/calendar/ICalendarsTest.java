package com.brandcluster.salons.calendar;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ICalendarsTest {

    private static final Instant START = Instant.parse("2026-03-29T00:30:00Z");
    private static final Instant END = Instant.parse("2026-03-29T01:30:00Z");
    private static final Instant CHANGED = Instant.parse("2026-03-20T08:15:42.123Z");

    private static CalendarEntry entry(CalendarEntry.Status status, long sequence) {
        return new CalendarEntry("consultation-42@brandcluster", sequence, START, END,
                "Consultation: brand evaluation", "Topic: pricing, premium positioning; a long line that is folded",
                "Hall 3, Guzhen Lighting Expo Centre", URI.create("https://meet.example/abc"), status, CHANGED,
                "Wang Fang");
    }

    @Test
    void aStandingBookingIsPublishedInUtcWithItsStableUidAndSequence() throws Exception {
        String text = ICalendars.render(entry(CalendarEntry.Status.CONFIRMED, 3));

        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nEND:VCALENDAR")
                .contains("DTSTART:20260329T003000Z").contains("DTEND:20260329T013000Z")
                .contains("DTSTAMP:20260320T081542Z");
        assertThat(text.lines()).allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
        assertThat(calendar.getProperty(Property.PRODID).orElseThrow().getValue()).contains("Brand Cluster Portal");
        VEvent event = calendar.<VEvent>getComponents("VEVENT").getFirst();
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("consultation-42@brandcluster");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("3");
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Hall 3, Guzhen Lighting Expo Centre");
        assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .isEqualTo("Topic: pricing, premium positioning; a long line that is folded");
        assertThat(event.getProperty(Property.URL).orElseThrow().getValue()).isEqualTo("https://meet.example/abc");
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getParameter("CN").orElseThrow().getValue())
                .isEqualTo("Wang Fang");
    }

    @Test
    void aCancelledBookingIsACancelOfTheSameUid() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(
                ICalendars.render(entry(CalendarEntry.Status.CANCELLED, 4))));

        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = calendar.<VEvent>getComponents("VEVENT").getFirst();
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("consultation-42@brandcluster");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("4");
    }

    @Test
    void optionalPartsAreLeftOutAndAnEmptyIntervalIsRefused() {
        String text = ICalendars.render(new CalendarEntry("r-1@brandcluster", 0, START, END, "Salon", null, " ", null,
                CalendarEntry.Status.TENTATIVE, CHANGED, "Lighting cluster secretariat"));

        assertThat(text).contains("STATUS:TENTATIVE").doesNotContain("LOCATION").doesNotContain("DESCRIPTION")
                .doesNotContain("URL");
        assertThatIllegalArgumentException().isThrownBy(() -> new CalendarEntry("x", 0, START, START, "Salon", null,
                null, null, CalendarEntry.Status.CONFIRMED, CHANGED, "x"));
    }

    @Test
    void theDownloadIsTextCalendarAsAnAttachment() {
        var response = ICalendars.download(entry(CalendarEntry.Status.CONFIRMED, 1), "consultation-42");

        assertThat(response.getHeaders().getContentType()).hasToString("text/calendar;charset=UTF-8");
        assertThat(response.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"consultation-42.ics\"");
        assertThat(response.getBody()).contains("UID:consultation-42@brandcluster");
    }
}
