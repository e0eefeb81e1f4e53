package com.brandcluster.notification.mail;

import java.io.StringReader;
import java.time.Instant;

import jakarta.mail.internet.InternetAddress;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InviteCalendarsTest {

    private static final Instant START = Instant.parse("2026-06-12T06:30:00.900Z");
    private static final Instant END = Instant.parse("2026-06-12T07:30:00Z");
    private static final Instant QUEUED = Instant.parse("2026-06-01T08:00:00.123Z");

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static String render(CalendarInvite invite) throws Exception {
        return InviteCalendars.render(invite, QUEUED,
                new InternetAddress("Brand Cluster Portal <no-reply@brandcluster.local>"),
                new InternetAddress("wang.fang@lighting.example"), "王芳");
    }

    @Test
    void aRequestIsOneConfirmedEventInUtcWithItsUidSequenceAndTheQueuingTimeAsStamp() throws Exception {
        String text = render(new CalendarInvite("consultation-42@brandcluster", 5, CalendarInvite.Method.REQUEST,
                START, END, "咨询：品牌定价", "Guzhen, Hall 3", "Topic: a long description that must be folded "
                        + "because iCalendar lines are at most seventy-five octets long"));

        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART:20260612T063000Z",
                "DTEND:20260612T073000Z", "DTSTAMP:20260601T080000Z");
        // folded at 75 characters (ical4j counts characters, not the octets RFC 5545 asks for; clients read both)
        assertThat(text.lines()).allMatch(line -> line.length() <= 75).anyMatch(line -> line.startsWith(" "));
        Calendar calendar = parse(text);
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
        assertThat(calendar.getProperty(Property.PRODID).orElseThrow().getValue())
                .isEqualTo(InviteCalendars.PRODUCT_ID);
        assertThat(calendar.<VEvent>getComponents(VEvent.VEVENT)).hasSize(1);
        VEvent event = calendar.<VEvent>getComponents(VEvent.VEVENT).getFirst();
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("consultation-42@brandcluster");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("5");
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo("咨询：品牌定价");
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Guzhen, Hall 3");
        assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue()).startsWith("Topic: a long");
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue())
                .isEqualTo("mailto:no-reply@brandcluster.local");
        assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getParameter("CN").orElseThrow().getValue())
                .isEqualTo("王芳");
    }

    @Test
    void aCancelIsTheSameUidWithAHigherSequenceAndStatusCancelled() throws Exception {
        Calendar calendar = parse(render(new CalendarInvite("consultation-42@brandcluster", 6,
                CalendarInvite.Method.CANCEL, START, END, "Consultation", null, " ")));

        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = calendar.<VEvent>getComponents(VEvent.VEVENT).getFirst();
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("consultation-42@brandcluster");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("6");
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(event.getProperty(Property.LOCATION)).isEmpty();
        assertThat(event.getProperty(Property.DESCRIPTION)).isEmpty();
    }

    @Test
    void rendersTheSameDocumentOnEveryRetry() throws Exception {
        CalendarInvite invite = new CalendarInvite("salon-7@brandcluster", 1, CalendarInvite.Method.REQUEST, START,
                END, "Salon", null, null);

        assertThat(render(invite)).isEqualTo(render(invite));
    }

    @Test
    void refusesAnEntryThatEndsBeforeItStarts() {
        assertThatIllegalArgumentException().isThrownBy(() -> render(new CalendarInvite("x@brandcluster", 0,
                CalendarInvite.Method.REQUEST, END, START, "Backwards", null, null)));
    }
}
