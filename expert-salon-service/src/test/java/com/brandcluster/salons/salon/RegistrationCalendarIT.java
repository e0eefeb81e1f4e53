package com.brandcluster.salons.salon;

import com.brandcluster.testsupport.ApiClient;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationCalendarIT extends SalonIntegrationTest {

    @Test
    void aConfirmedRegistrationDownloadsAsAConfirmedEventOfTheSalon() throws Exception {
        String cluster = uniqueCluster();
        String salonId = createSalon(cluster, 10, 2);
        String enterprise = member(cluster);
        String registration = register(salonId, enterprise, 2).at("/id");

        ApiClient.Response download = api.as(enterpriseUser(enterprise)).get(calendarPath(registration));

        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("text/calendar;charset=UTF-8");
        assertThat(download.header("Content-Disposition")).hasValue(
                "attachment; filename=\"salon-registration-" + registration + ".ics\"");
        Calendar calendar = new CalendarBuilder().build(new StringReader(download.body()));
        assertThat(property(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        VEvent event = calendar.<VEvent>getComponents("VEVENT").getFirst();
        Salon salon = salon(salonId);
        assertThat(property(event, Property.UID)).isEqualTo("salon-registration-" + registration + "@brand-cluster");
        assertThat(property(event, Property.SEQUENCE)).isEqualTo("1");
        assertThat(property(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(property(event, Property.SUMMARY)).isEqualTo("Pricing a lighting brand");
        assertThat(property(event, Property.DTSTART)).isEqualTo(ical(salon.startsAt()));
        assertThat(property(event, Property.DTEND)).isEqualTo(ical(salon.endsAt()));
        assertThat(property(event, Property.LOCATION)).isEqualTo("Guangzhou Lighting Centre, Hall 3");
        assertThat(property(event, Property.URL)).isEqualTo("https://meet.example.com/salon");
        assertThat(property(event, Property.DESCRIPTION)).contains("Theme: Brand Home, Brand Price")
                .contains("How members price under one cluster brand.").contains("Attendees: Attendee 0, Attendee 1");
    }

    @Test
    void aWaitlistedRegistrationIsTentativeAndOnceCancelledTheSameUidIsCancelled() throws Exception {
        String cluster = uniqueCluster();
        String salonId = createSalon(cluster, 1, 1);
        register(salonId, member(cluster), 1);
        String enterprise = member(cluster);
        String registration = register(salonId, enterprise, 1).at("/id");

        VEvent waitlisted = event(api.as(enterpriseUser(enterprise)).get(calendarPath(registration)));
        assertThat(property(waitlisted, Property.STATUS)).isEqualTo("TENTATIVE");

        api.as(enterpriseUser(enterprise)).post("/api/salons/registrations/" + registration + "/cancellation", null);
        ApiClient.Response cancelled = api.as(secretariatOf(cluster)).get(calendarPath(registration));
        Calendar calendar = new CalendarBuilder().build(new StringReader(cancelled.body()));
        assertThat(property(calendar, Property.METHOD)).isEqualTo("CANCEL");
        VEvent event = calendar.<VEvent>getComponents("VEVENT").getFirst();
        assertThat(property(event, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(property(event, Property.UID)).isEqualTo(property(waitlisted, Property.UID));
        assertThat(Integer.parseInt(property(event, Property.SEQUENCE)))
                .isGreaterThan(Integer.parseInt(property(waitlisted, Property.SEQUENCE)));
    }

    @Test
    void onlyTheRegisteringEnterpriseAndTheClustersSecretariatDownloadIt() {
        String cluster = uniqueCluster();
        String salonId = createSalon(cluster, 10, 2);
        String registration = register(salonId, member(cluster), 1).at("/id");
        String path = calendarPath(registration);

        assertThat(api.as(secretariatOf(cluster)).get(path).status()).isEqualTo(200);
        assertProblem(api.as(enterpriseUser(member(cluster))).get(path), 403, "forbidden");
        assertProblem(api.as(secretariatOf("another-cluster")).get(path), 403, "forbidden");
        assertProblem(api.as(expert()).get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).get(calendarPath("no-such-registration")), 404, "not-found");
    }

    private static String calendarPath(String registrationId) {
        return "/api/salons/registrations/" + registrationId + "/calendar";
    }

    private static VEvent event(ApiClient.Response response) throws Exception {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new CalendarBuilder().build(new StringReader(response.body())).<VEvent>getComponents("VEVENT").getFirst();
    }

    private static String property(net.fortuna.ical4j.model.PropertyContainer container, String name) {
        return container.getProperty(name).orElseThrow().getValue();
    }

    private static String ical(java.time.Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(instant);
    }
}
