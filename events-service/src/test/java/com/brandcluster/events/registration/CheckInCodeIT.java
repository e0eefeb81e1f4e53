package com.brandcluster.events.registration;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each attendee of a confirmed registration has a check-in code of their own, shown as a QR image to the registering
 * enterprise and the secretariat only.
 */
class CheckInCodeIT extends AttendanceIntegrationTest {

    @Test
    void theRegisteringEnterpriseAndTheSecretariatGetTheSameQrCodeOfEachAttendee() throws Exception {
        Registered registered = registered();
        String cluster = registered.cluster();
        String event = registered.event();
        String enterprise = registered.enterprise();
        String registration = registered.id();
        List<String> attendees = registered.attendees();

        HttpResponse<byte[]> image = download(qrPath(registration, attendees.get(0)), enterpriseUser(enterprise));

        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(image.headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename=\"check-in-" + attendees.get(0) + ".png\"");
        String code = QrCodes.decode(image.body());
        assertThat(code).matches("[A-Za-z0-9_-]{22}");

        assertThat(codeOf(enterprise, registration, attendees.get(0))).isEqualTo(code);
        HttpResponse<byte[]> forSecretariat = download(qrPath(registration, attendees.get(0)),
                secretariatOf(cluster));
        assertThat(forSecretariat.statusCode()).isEqualTo(200);
        assertThat(QrCodes.decode(forSecretariat.body())).isEqualTo(code);
        String zhaosCode = codeOf(enterprise, registration, attendees.get(1));
        assertThat(zhaosCode).isNotEqualTo(code).matches("[A-Za-z0-9_-]{22}");

        String secretariat = secretariatOf(cluster);
        assertThat(api.as(secretariat).get("/api/events/registrations/" + registration).body())
                .doesNotContain(code, zhaosCode);
        assertThat(api.as(secretariat).get("/api/events/events/" + event + "/registrations").body())
                .doesNotContain(code, zhaosCode);
        underway(event);
        assertThat(scan(secretariat, event, zhaosCode).at("/attendees/0/attendeeId")).isEqualTo(attendees.get(1));
    }

    @Test
    void nobodyElseSeesAnAttendeesCode() {
        Registered registered = registered();
        String cluster = registered.cluster();
        String enterprise = registered.enterprise();
        String otherRegistered = member(cluster);
        register(registered.event(), otherRegistered, attendee("Chen Jie", null, true));
        String path = qrPath(registered.id(), registered.attendees().getFirst());

        assertRefused(download(path, enterpriseUser(otherRegistered)), 403, "forbidden");
        assertRefused(download(path, enterpriseUser(member(cluster))), 403, "forbidden");
        assertRefused(download(path, secretariatOf(cluster())), 403, "forbidden");
        assertRefused(download(path, expert()), 403, "forbidden");
        assertRefused(download(path, null), 401, null);
        assertRefused(download(qrPath(registered.id(), "no-such-attendee"), enterpriseUser(enterprise)), 404,
                "not-found");
        assertRefused(download(qrPath("no-such-registration", "no-such-attendee"), secretariatOf(cluster)), 404,
                "not-found");
        assertThat(mongo.count(Query.query(Criteria.where("registrationId").is(registered.id())),
                CheckInCode.class)).as("no code was issued").isZero();
    }

    @Test
    void onlyAConfirmedRegistrationsAttendeesHaveCodes() {
        String cluster = cluster();
        String event = published(cluster, Map.of("registrationPolicy", "APPROVAL"));
        String enterprise = member(cluster);
        ApiClient.Response pending = register(event, enterprise, attendee("Li Ming", null, true));
        String path = qrPath(pending.at("/id"), attendeeIds(pending).getFirst());

        HttpResponse<byte[]> refused = download(path, enterpriseUser(enterprise));
        assertRefused(refused, 409, "registration-state");
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("\"currentState\":\"PENDING\"");

        api.as(secretariatOf(cluster)).post("/api/events/registrations/" + pending.at("/id") + "/approval", null);
        assertThat(download(path, enterpriseUser(enterprise)).statusCode()).isEqualTo(200);

        api.as(enterpriseUser(enterprise)).post("/api/events/registrations/" + pending.at("/id") + "/cancellation",
                null);
        assertRefused(download(path, enterpriseUser(enterprise)), 409, "registration-state");
    }

    private static void assertRefused(HttpResponse<byte[]> response, int status, String typeSlug) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        if (typeSlug != null) {
            assertThat(body).contains("\"type\":\"urn:brandcluster:problem:" + typeSlug + "\"");
        }
    }
}
