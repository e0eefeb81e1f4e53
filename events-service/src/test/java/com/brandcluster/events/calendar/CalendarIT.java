package com.brandcluster.events.calendar;

import com.brandcluster.events.EventsIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar download follows the event: same UID, a SEQUENCE that grows with it, a CANCEL once cancelled. */
class CalendarIT extends EventsIntegrationTest {

    @Test
    void anyoneDownloadsAPublicEventsCalendarEntryWhichFollowsItsChanges() throws Exception {
        String cluster = cluster();
        String id = published(cluster, Map.of());
        String path = "/api/events/events/" + id + "/calendar";

        ApiClient.Response download = api.anonymous().get(path);

        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("text/calendar;charset=UTF-8");
        assertThat(download.header("Content-Disposition"))
                .hasValue("attachment; filename=\"event-" + id + ".ics\"");
        VEvent first = vevent(download);
        String uid = first.getProperty(Property.UID).orElseThrow().getValue();
        assertThat(uid).contains(id);
        assertThat(first.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
        assertThat(first.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");

        api.as(secretariatOf(cluster)).send("PATCH", "/api/events/events/" + id,
                "{\"venue\": \"Zhongshan Lighting Museum\"}", "application/merge-patch+json");
        VEvent moved = vevent(api.anonymous().get(path));
        assertThat(moved.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(uid);
        assertThat(moved.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("3");
        assertThat(moved.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Zhongshan Lighting Museum");

        api.as(secretariatOf(cluster)).post("/api/events/events/" + id + "/cancellation",
                Map.of("reason", "Typhoon warning"));
        ApiClient.Response cancelled = api.anonymous().get(path);
        Calendar calendar = new CalendarBuilder().build(new StringReader(cancelled.body()));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent gone = calendar.<VEvent>getComponents("VEVENT").getFirst();
        assertThat(gone.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(uid);
        assertThat(gone.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("4");
        assertThat(gone.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    void theCalendarEntryIsReadByWhoeverMayReadTheEvent() throws Exception {
        String cluster = cluster();
        String membersOnly = "/api/events/events/" + published(cluster, Map.of("visibility", "MEMBERS_ONLY"))
                + "/calendar";
        String draft = "/api/events/events/" + draft(cluster, Map.of()) + "/calendar";

        assertThat(api.as(enterpriseUser(member(cluster))).get(membersOnly).status()).isEqualTo(200);
        assertThat(api.as(secretariatOf(cluster)).get(membersOnly).status()).isEqualTo(200);
        assertProblem(api.as(enterpriseUser(member(cluster()))).get(membersOnly), 403, "members-only");
        assertProblem(api.as(secretariatOf(cluster())).get(membersOnly), 403, "members-only");
        assertProblem(api.as(expert()).get(membersOnly), 403, "members-only");
        assertProblem(api.anonymous().get(membersOnly), 401, null);

        assertThat(vevent(api.as(secretariatOf(cluster)).get(draft)).getProperty(Property.STATUS).orElseThrow()
                .getValue()).isEqualTo("TENTATIVE");
        assertProblem(api.as(enterpriseUser(member(cluster))).get(draft), 404, "not-found");
        assertProblem(api.anonymous().get(draft), 404, "not-found");
        assertProblem(api.anonymous().get("/api/events/events/no-such-event/calendar"), 404, "not-found");
    }

    private static VEvent vevent(ApiClient.Response response) throws Exception {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new CalendarBuilder().build(new StringReader(response.body())).<VEvent>getComponents("VEVENT")
                .getFirst();
    }
}
