package com.brandcluster.salons.consultation;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsultationCalendarIT extends ConsultationIntegrationTest {

    private static final DateTimeFormatter ICAL_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void aConsultationDownloadsAsOneEventWhoseUidStaysAndWhoseSequenceFollowsItsChanges() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String id = booked(enterprise, expertId, cluster, at(3, 10));
        String path = PATH + "/" + id + "/calendar";

        ApiClient.Response pending = api.as(enterpriseUser(enterprise)).get(path);
        api.as(expert(expertId)).post(PATH + "/" + id + "/confirmation", null);
        ApiClient.Response confirmed = api.as(expert(expertId)).get(path);
        api.as(enterpriseUser(enterprise)).post(PATH + "/" + id + "/reschedule", Map.of("start", at(4, 15).toString()));
        ApiClient.Response moved = api.as(secretariatOf(cluster)).get(path);
        api.as(enterpriseUser(enterprise)).post(PATH + "/" + id + "/cancellation", Map.of("reason", "Not needed"));
        ApiClient.Response cancelled = api.as(enterpriseUser(enterprise)).get(path);

        assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
        assertThat(pending.contentType()).startsWith("text/calendar");
        assertThat(pending.header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("consultation-" + id + ".ics"));
        for (ApiClient.Response calendar : List.of(pending, confirmed, moved, cancelled)) {
            assertThat(unfolded(calendar)).contains("UID:consultation-" + id + "@brand-cluster");
        }
        assertThat(unfolded(pending)).contains("METHOD:PUBLISH", "STATUS:TENTATIVE", "SEQUENCE:0",
                "DTSTART:" + ICAL_UTC.format(at(3, 10)), "SUMMARY:Consultation with Wang Lei: Brand evaluation",
                "ORGANIZER;CN=Wang Lei");
        assertThat(unfolded(confirmed)).contains("STATUS:CONFIRMED", "SEQUENCE:1");
        assertThat(unfolded(moved)).contains("STATUS:TENTATIVE", "SEQUENCE:2",
                "DTSTART:" + ICAL_UTC.format(at(4, 15)), "DTEND:" + ICAL_UTC.format(at(4, 16)));
        assertThat(unfolded(cancelled)).contains("METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:3");
    }

    @Test
    void onlyTheConsultationsReadersDownloadIt() {
        String cluster = cluster();
        String id = booked(member(cluster), expertIn(cluster), cluster, at(3, 10));
        String path = PATH + "/" + id + "/calendar";

        assertProblem(api.as(enterpriseUser(member(cluster))).get(path), 403, "forbidden");
        assertProblem(api.as(expert(newSubject())).get(path), 403, "forbidden");
        assertProblem(api.as(secretariatOf("another-cluster")).get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
    }

    /** The document with RFC 5545 line folding undone. */
    private static String unfolded(ApiClient.Response calendar) {
        return calendar.body().replace("\r\n ", "");
    }
}
