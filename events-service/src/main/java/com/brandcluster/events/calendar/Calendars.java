package com.brandcluster.events.calendar;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.validate.ValidationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What every iCalendar document of this service has in common (RFC 5545, rendered with ical4j): a {@code VEVENT} in
 * UTC seconds whose UID never changes and whose SEQUENCE grows with every change a calendar must take, stamped with
 * the time of that change (not of the download, so that the same state always renders the same); the organiser; the
 * document written with CRLF line endings and folded lines, and served as a {@code text/calendar} download.
 */
public final class Calendars {

    private static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private static final String PRODUCT_ID = "-//Brand Cluster Portal//Exchange Events//EN";
    /** iTIP wants an organiser address; replies are not taken by mail (a reserved, undeliverable domain). */
    private static final URI ORGANIZER_ADDRESS = URI.create("mailto:events@brand-cluster.invalid");

    private Calendars() {
    }

    /**
     * A {@code VEVENT} with what identifies it and its version: UID, SEQUENCE, DTSTAMP and LAST-MODIFIED (both the
     * time of the last change) and the organiser's name; the caller adds status, description and place.
     */
    public static VEvent vevent(String uid, long sequence, Instant start, Instant end, String summary,
                                Instant lastModified, String organizer) {
        VEvent vevent = new VEvent(seconds(start), seconds(end), summary);
        vevent.add(new Uid(uid));
        vevent.add(new Sequence(Math.toIntExact(sequence)));
        vevent.replace(new DtStamp(seconds(lastModified))); // the constructor stamped the time of rendering
        vevent.add(new LastModified(seconds(lastModified)));
        vevent.add(new Organizer(ORGANIZER_ADDRESS).add(new Cn(organizer)));
        return vevent;
    }

    /**
     * The events as one complete document with the iTIP {@code method}. RFC 5545 wants at least one component, but
     * an agenda without entries is still an agenda: calendar applications take an empty {@code VCALENDAR}, so that
     * one is written without validation (which would only complain).
     */
    public static String render(Method method, List<VEvent> vevents, String what) {
        Calendar calendar = new Calendar().withProdId(PRODUCT_ID).withDefaults().withProperty(method)
                .getFluentTarget();
        vevents.forEach(calendar::add);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(!vevents.isEmpty()).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Invalid calendar for " + what + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** A {@code text/calendar} download named {@code <name>.ics}. */
    public static ResponseEntity<String> download(String calendar, String name) {
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name + ".ics").build().toString())
                .body(calendar);
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
