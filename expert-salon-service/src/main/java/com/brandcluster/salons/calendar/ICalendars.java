package com.brandcluster.salons.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.validate.ValidationException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Renders bookings as iCalendar documents (RFC 5545) with ical4j: one {@code VEVENT} in UTC times with a stable
 * {@code UID} and a {@code SEQUENCE} that grows with every change, {@code METHOD:PUBLISH} while the booking stands and
 * {@code METHOD:CANCEL} with {@code STATUS:CANCELLED} once it is cancelled, so that a calendar that imported it moves
 * or removes the event.
 */
public final class ICalendars {

    /** {@code text/calendar; charset=UTF-8}. */
    public static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private static final String PRODUCT_ID = "-//Brand Cluster Portal//Expert Salons//EN";
    /** iTIP requires an organiser address; replies are not taken by e-mail (a reserved, undeliverable domain). */
    private static final URI ORGANIZER_ADDRESS = URI.create("mailto:calendar@brand-cluster.invalid");

    private ICalendars() {
    }

    /** The entry as a complete iCalendar document (CRLF line endings, folded lines). */
    public static String render(CalendarEntry entry) {
        VEvent event = new VEvent(seconds(entry.start()), seconds(entry.end()), entry.summary());
        event.add(new Uid(entry.uid()));
        event.add(new Sequence(Math.toIntExact(Math.min(entry.sequence(), Integer.MAX_VALUE))));
        event.replace(new DtStamp(seconds(entry.lastModified()))); // the constructor stamped the render time
        event.add(new LastModified(seconds(entry.lastModified())));
        event.add(new Organizer(ORGANIZER_ADDRESS).add(new Cn(entry.organizer())));
        event.add(switch (entry.status()) {
            case TENTATIVE -> ImmutableStatus.VEVENT_TENTATIVE;
            case CONFIRMED -> ImmutableStatus.VEVENT_CONFIRMED;
            case CANCELLED -> ImmutableStatus.VEVENT_CANCELLED;
        });
        if (entry.description() != null && !entry.description().isBlank()) {
            event.add(new Description(entry.description()));
        }
        if (entry.location() != null && !entry.location().isBlank()) {
            event.add(new Location(entry.location()));
        }
        if (entry.url() != null) {
            event.add(new Url(entry.url()));
        }
        Calendar calendar = new Calendar().withProdId(PRODUCT_ID).withDefaults()
                .withProperty(entry.status() == CalendarEntry.Status.CANCELLED ? ImmutableMethod.CANCEL
                        : ImmutableMethod.PUBLISH)
                .withComponent(event).getFluentTarget();
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (ValidationException ex) {
            throw new IllegalStateException("Invalid calendar for " + entry.uid() + ": " + ex.getMessage(), ex);
        }
        return out.toString();
    }

    /** A {@code text/calendar} download named {@code <name>.ics}. */
    public static ResponseEntity<String> download(CalendarEntry entry, String name) {
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name + ".ics").build().toString())
                .body(render(entry));
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
