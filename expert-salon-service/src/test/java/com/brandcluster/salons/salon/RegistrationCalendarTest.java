package com.brandcluster.salons.salon;

import com.brandcluster.salons.calendar.CalendarEntry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationCalendarTest {

    private static final Salon SALON = SalonTest.salon(10, 3);
    private static final List<Registration.Attendee> ATTENDEES = List.of(
            new Registration.Attendee("Li Ming", "li@example.com", null),
            new Registration.Attendee("Wang Fang", null, null));

    private static Registration waitlisted() {
        return Registration.waitlisted("r1", SALON, "ent-1", ATTENDEES, "user", SalonTest.NOW);
    }

    @Test
    void theEventIsTheSalonWithTheRegistrationsUidSequenceAndStatus() {
        Registration registration = Registration.confirmed("r1", SALON, "ent-1", ATTENDEES, "user", SalonTest.NOW);

        CalendarEntry entry = RegistrationCalendar.entry(registration, SALON);

        assertThat(entry.uid()).isEqualTo("salon-registration-r1@brand-cluster");
        assertThat(entry.sequence()).isEqualTo(1);
        assertThat(entry.status()).isEqualTo(CalendarEntry.Status.CONFIRMED);
        assertThat(entry.start()).isEqualTo(SalonTest.START);
        assertThat(entry.end()).isEqualTo(SalonTest.END);
        assertThat(entry.summary()).isEqualTo("Pricing a lighting brand");
        assertThat(entry.description()).isEqualTo("Theme: Brand Home, Brand Price\n\nAttendees: Li Ming, Wang Fang");
        assertThat(entry.location()).isEqualTo("Guangzhou");
        assertThat(entry.url()).isNull();
        assertThat(entry.lastModified()).isEqualTo(SalonTest.NOW);
        assertThat(entry.organizer()).isEqualTo("Secretariat of cluster lighting");
    }

    @Test
    void waitlistedAndOfferedAreTentativeLapsedAndCancelledAreCancelledEachWithTheNextSequence() {
        Registration registration = waitlisted();
        assertThat(RegistrationCalendar.entry(registration, SALON).status()).isEqualTo(CalendarEntry.Status.TENTATIVE);

        registration.offer(SalonTest.NOW.plus(Duration.ofHours(2)), SalonTest.NOW.plusSeconds(60));
        CalendarEntry offered = RegistrationCalendar.entry(registration, SALON);
        assertThat(offered.status()).isEqualTo(CalendarEntry.Status.TENTATIVE);
        assertThat(offered.sequence()).isEqualTo(2);
        assertThat(offered.lastModified()).isEqualTo(SalonTest.NOW.plusSeconds(60));

        registration.lapse(SalonTest.NOW.plus(Duration.ofHours(2)));
        CalendarEntry lapsed = RegistrationCalendar.entry(registration, SALON);
        assertThat(lapsed.status()).isEqualTo(CalendarEntry.Status.CANCELLED);
        assertThat(lapsed.sequence()).isEqualTo(3);
        assertThat(lapsed.uid()).isEqualTo("salon-registration-r1@brand-cluster");

        Registration cancelled = waitlisted();
        cancelled.cancel("user", "plans changed", SalonTest.NOW.plusSeconds(5));
        assertThat(RegistrationCalendar.entry(cancelled, SALON).status()).isEqualTo(CalendarEntry.Status.CANCELLED);
    }

    @Test
    void anOnlineLinkIsTheUrlUnlessItIsNoValidUri() {
        Salon online = Salon.publish("s2", "lighting", "Brand Home", "Online salon", "Pricing, online.", List.of(),
                SalonTest.START, SalonTest.END, ZoneId.of("Asia/Shanghai"), null, "https://meet.example.com/salon",
                10, 2, SalonTest.NOW.minusSeconds(60), SalonTest.START.minusSeconds(86400), "sec", SalonTest.NOW);
        Salon oddLink = Salon.publish("s3", "lighting", "Brand Home", "Online salon", null, List.of(),
                SalonTest.START, SalonTest.END, ZoneId.of("Asia/Shanghai"), null, "https://meet.example.com/a|b",
                10, 2, SalonTest.NOW.minusSeconds(60), SalonTest.START.minusSeconds(86400), "sec", SalonTest.NOW);

        CalendarEntry entry = RegistrationCalendar.entry(waitlisted(), online);
        assertThat(entry.url()).isEqualTo(URI.create("https://meet.example.com/salon"));
        assertThat(entry.location()).isNull();
        assertThat(entry.description()).startsWith("Theme: Brand Home\n\nPricing, online.\n\n");
        assertThat(RegistrationCalendar.entry(waitlisted(), oddLink).url()).isNull();
    }
}
