package com.brandcluster.events.registration;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attendee list: complete for the secretariat (also as CSV), the consenting attendees for enterprises holding a
 * confirmed registration, nothing for anybody else.
 */
class AttendeeListIT extends AttendanceIntegrationTest {

    private static String listOf(String event) {
        return "/api/events/events/" + event + "/attendees";
    }

    @Test
    void theSecretariatSeesEveryAttendeeOfTheConfirmedRegistrationsWithEmailAndCheckIn() {
        Gathering gathering = gathering();
        String secretariat = secretariatOf(gathering.cluster());

        ApiClient.Response list = api.as(secretariat).get(listOf(gathering.event()));

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.at("/totalElements")).isEqualTo("4");
        JsonNode content = list.json().get("content");
        assertThat(content.findValuesAsString("name")).containsExactly("Li Ming", "Zhao Lei", "王芳", "Chen Jie");
        assertThat(content.findValuesAsString("enterpriseName")).containsExactly("Opal Lighting Co., Ltd.",
                "Opal Lighting Co., Ltd.", "翡翠照明有限公司", "翡翠照明有限公司");
        assertThat(content.findValuesAsString("consentToAttendeeList"))
                .containsExactly("true", "false", "true", "false");
        assertThat(content.findValuesAsString("checkedIn")).containsOnly("false");
        JsonNode li = content.get(0);
        assertThat(li.get("email").asString()).isEqualTo(gathering.opals().at("/attendees/0/email"));
        assertThat(li.get("jobTitle").asString()).isEqualTo("Export manager");
        assertThat(li.get("enterpriseId").asString()).isEqualTo(gathering.opal());
        assertThat(li.get("registrationId").asString()).isEqualTo(gathering.opals().at("/id"));
        assertThat(li.get("attendeeId").asString()).isEqualTo(attendeeIds(gathering.opals()).getFirst());

        underway(gathering.event());
        checkIn(secretariat, gathering.jades().at("/id"));
        JsonNode after = api.as(secretariat).get(listOf(gathering.event())).json().get("content");
        assertThat(after.findValuesAsString("checkedIn")).containsExactly("false", "false", "true", "true");
        assertThat(after.get(2).get("checkedInAt").isNull()).isFalse();
    }

    @Test
    void anEnterpriseWithAConfirmedRegistrationSeesOnlyTheAttendeesWhoConsentedWithoutEmail() {
        Gathering gathering = gathering();

        for (String enterprise : List.of(gathering.opal(), gathering.jade())) {
            ApiClient.Response list = api.as(enterpriseUser(enterprise)).get(listOf(gathering.event()));

            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            assertThat(list.at("/totalElements")).isEqualTo("2");
            JsonNode content = list.json().get("content");
            assertThat(content.findValuesAsString("name")).containsExactly("Li Ming", "王芳");
            assertThat(content.findValuesAsString("jobTitle")).containsExactly("Export manager", "总经理");
            assertThat(content.findValuesAsString("enterpriseName"))
                    .containsExactly("Opal Lighting Co., Ltd.", "翡翠照明有限公司");
            assertThat(content.findValuesAsString("enterpriseId")).containsExactly(gathering.opal(), gathering.jade());
            content.forEach(entry -> assertThat(entry.propertyNames())
                    .containsExactlyInAnyOrder("name", "jobTitle", "enterpriseId", "enterpriseName"));
            assertThat(list.body()).doesNotContain("Zhao Lei", "Chen Jie", "@example.com", "checkedIn");
        }
    }

    @Test
    void theListIsPaginatedInTheOrderOfRegistration() {
        Gathering gathering = gathering();
        ApiClient secretariat = api.as(secretariatOf(gathering.cluster()));
        String list = listOf(gathering.event());

        ApiClient.Response first = secretariat.get(list + "?page=0&size=3");
        ApiClient.Response second = secretariat.get(list + "?page=1&size=3");

        assertThat(first.json().get("content").findValuesAsString("name"))
                .containsExactly("Li Ming", "Zhao Lei", "王芳");
        assertThat(second.json().get("content").findValuesAsString("name")).containsExactly("Chen Jie");
        assertThat(second.at("/totalElements")).isEqualTo("4");
        assertThat(second.at("/totalPages")).isEqualTo("2");
        assertThat(second.at("/page")).isEqualTo("1");
        ApiClient.Response forMember = api.as(enterpriseUser(gathering.jade())).get(list + "?page=1&size=1");
        assertThat(forMember.json().get("content").findValuesAsString("name")).containsExactly("王芳");
        assertThat(forMember.at("/totalElements")).isEqualTo("2");
        assertThat(secretariat.get(list + "?page=2&size=3").json().get("content")).isEmpty();

        assertInvalidField(secretariat.get(list + "?size=0"), "size");
        assertInvalidField(secretariat.get(list + "?size=101"), "size");
        assertInvalidField(secretariat.get(list + "?page=-1"), "page");
        assertProblem(secretariat.get(list + "?format=xml"), 400, null);
    }

    @Test
    void nobodyElseSeesTheList() {
        Gathering gathering = gathering();
        Function<String, ApiClient.Response> list = token -> api.as(token).get(listOf(gathering.event()));

        assertProblem(list.apply(enterpriseUser(gathering.suspended())), 403, "forbidden");
        assertProblem(list.apply(enterpriseUser(gathering.waitlisted())), 403, "forbidden");
        assertProblem(list.apply(enterpriseUser(gathering.amber())), 403, "forbidden");
        assertProblem(list.apply(enterpriseUser(member(gathering.cluster()))), 403, "forbidden");
        assertProblem(list.apply(secretariatOf(cluster())), 403, "forbidden");
        assertProblem(list.apply(expert()), 403, "forbidden");
        assertProblem(api.anonymous().get(listOf(gathering.event())), 401, null);

        String draft = draft(gathering.cluster(), Map.of());
        assertProblem(api.as(enterpriseUser(gathering.opal())).get(listOf(draft)), 404, "not-found");
        assertThat(api.as(secretariatOf(gathering.cluster())).get(listOf(draft)).at("/totalElements"))
                .isEqualTo("0");
        assertProblem(api.as(secretariatOf(gathering.cluster())).get(listOf("no-such-event")), 404, "not-found");
    }

    @Test
    void theSecretariatExportsEveryAttendeeAsCsvThatSpreadsheetsReadSafely() {
        String cluster = cluster();
        String event = published(cluster, 10, 4);
        String opal = member(cluster, "Opal Lighting Co., Ltd.");
        String jade = member(cluster, "=翡翠照明");
        ApiClient.Response opals = register(event, opal, attendee("Li, \"Mike\" Ming", "Export manager, Asia", true),
                attendee("Zhao\r\nLei", "+86 755 8888", false));
        ApiClient.Response jades = register(event, jade, attendee("王芳", "总经理", true),
                attendee("=HYPERLINK(\"http://evil.example\",\"Click\")", "@SUM(A1:A9)", false));
        underway(event);
        String secretariat = secretariatOf(cluster);
        checkIn(secretariat, jades.at("/id"));
        Instant checkedInAt = stored(jades.at("/id"), attendeeIds(jades).getFirst()).checkedInAt();

        ApiClient.Response csv = api.as(secretariat).get(listOf(event) + "?format=csv");

        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition"))
                .hasValue("attachment; filename=\"attendees-" + event + ".csv\"");
        assertThat(csv.body()).startsWith("\uFEFF");
        List<List<String>> rows = Csv.parse(csv.body().substring(1));
        assertThat(rows).hasSize(5).allSatisfy(row -> assertThat(row).hasSize(9));
        assertThat(rows.get(0)).containsExactly("Name", "Job title", "Enterprise", "Enterprise ID", "E-mail",
                "Consents to attendee list", "Checked in at", "Registration ID", "Attendee ID");
        assertThat(rows.get(1)).containsExactly("Li, \"Mike\" Ming", "Export manager, Asia",
                "Opal Lighting Co., Ltd.", opal, opals.at("/attendees/0/email"), "yes", "", opals.at("/id"),
                attendeeIds(opals).get(0));
        assertThat(rows.get(2)).containsExactly("Zhao\r\nLei", "'+86 755 8888", "Opal Lighting Co., Ltd.", opal,
                opals.at("/attendees/1/email"), "no", "", opals.at("/id"), attendeeIds(opals).get(1));
        assertThat(rows.get(3).subList(0, 3)).containsExactly("王芳", "总经理", "'=翡翠照明");
        assertThat(OffsetDateTime.parse(rows.get(3).get(6)).toInstant())
                .isEqualTo(checkedInAt.truncatedTo(ChronoUnit.SECONDS));
        assertThat(rows.get(3).get(6)).endsWith("+08:00");
        assertThat(rows.get(4).subList(0, 2)).containsExactly("'=HYPERLINK(\"http://evil.example\",\"Click\")",
                "'@SUM(A1:A9)");
        assertThat(rows.get(4).get(5)).isEqualTo("no");
        assertThat(rows.get(4).get(6)).isNotEmpty();
    }

    @Test
    void onlyTheSecretariatExportsTheList() {
        Gathering gathering = gathering();
        Function<String, ApiClient.Response> csv = token -> api.as(token)
                .get(listOf(gathering.event()) + "?format=csv");

        assertProblem(csv.apply(enterpriseUser(gathering.opal())), 403, "forbidden");
        assertProblem(csv.apply(enterpriseUser(member(gathering.cluster()))), 403, "forbidden");
        assertProblem(csv.apply(secretariatOf(cluster())), 403, "forbidden");
        assertProblem(csv.apply(expert()), 403, "forbidden");
        assertProblem(api.anonymous().get(listOf(gathering.event()) + "?format=csv"), 401, null);
        String draft = draft(gathering.cluster(), Map.of());
        assertProblem(api.as(enterpriseUser(gathering.opal())).get(listOf(draft) + "?format=csv"), 404, "not-found");
        assertProblem(api.as(secretariatOf(gathering.cluster())).get(listOf("no-such-event") + "?format=csv"), 404,
                "not-found");
        assertThat(csv.apply(secretariatOf(gathering.cluster())).status()).isEqualTo(200);
    }
}
