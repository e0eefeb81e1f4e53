package com.brandcluster.notification.mail;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.validate.ValidationException;
import org.jspecify.annotations.Nullable;

import jakarta.mail.internet.InternetAddress;

/**
 * The iCalendar (RFC 5545, iTIP RFC 5546) document attached to an e-mail, rendered with ical4j the way the salon and
 * events services render theirs: one {@code VEVENT} in UTC seconds with the booking's stable UID and its SEQUENCE,
 * {@code METHOD:REQUEST} (a new or changed entry, STATUS CONFIRMED) or {@code METHOD:CANCEL} (STATUS CANCELLED), the
 * portal as organiser and the recipient as attendee (iTIP wants both). DTSTAMP is when the mail was queued, so that a
 * retry renders the same document.
 */
final class InviteCalendars {

    static final String PRODUCT_ID = "-//Brand Cluster Portal//Notifications//EN";

    private InviteCalendars() {
    }

    static String render(CalendarInvite invite, Instant stamp, InternetAddress organizer,
                         InternetAddress attendee, @Nullable String attendeeName) {
        if (!invite.end().isAfter(invite.start())) {
            throw new IllegalArgumentException("Calendar entry " + invite.uid() + " ends before it starts");
        }
        VEvent event = new VEvent(seconds(invite.start()), seconds(invite.end()), invite.summary());
        event.add(new Uid(invite.uid()));
        event.add(new Sequence(Math.toIntExact(Math.min(invite.sequence(), Integer.MAX_VALUE))));
        event.replace(new DtStamp(seconds(stamp))); // the constructor stamped the time of rendering
        Organizer organiser = new Organizer(mailto(organizer));
        if (organizer.getPersonal() != null) {
            organiser.add(new Cn(organizer.getPersonal()));
        }
        event.add(organiser);
        Attendee guest = new Attendee(mailto(attendee)).add(Role.REQ_PARTICIPANT).add(PartStat.NEEDS_ACTION);
        if (attendeeName != null && !attendeeName.isBlank()) {
            guest.add(new Cn(attendeeName));
        }
        event.add(guest);
        boolean cancel = invite.method() == CalendarInvite.Method.CANCEL;
        event.add(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (invite.location() != null && !invite.location().isBlank()) {
            event.add(new Location(invite.location()));
        }
        if (invite.description() != null && !invite.description().isBlank()) {
            event.add(new Description(invite.description()));
        }
        Calendar calendar = new Calendar().withProdId(PRODUCT_ID).withDefaults()
                .withProperty(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST)
                .withComponent(event).getFluentTarget();
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (ValidationException ex) {
            throw new IllegalArgumentException("Invalid calendar entry " + invite.uid() + ": " + ex.getMessage(), ex);
        }
        return out.toString();
    }

    private static URI mailto(InternetAddress address) {
        try {
            return new URI("mailto", address.getAddress(), null);
        }
        catch (URISyntaxException ex) {
            throw new IllegalArgumentException("Not an e-mail address for a calendar entry", ex);
        }
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
