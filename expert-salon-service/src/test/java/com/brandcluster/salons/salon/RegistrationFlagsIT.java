package com.brandcluster.salons.salon;

import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The salon registrations' part of flagging bookings while a member is not in good standing. The membership listener
 * calls every {@code MemberBookings} bean; here the bean is called directly and the effect read through the API.
 */
class RegistrationFlagsIT extends SalonIntegrationTest {

    @Autowired
    RegistrationFlags flags;

    @Test
    void openRegistrationsForSalonsAheadAreFlaggedOnceShownAndClearedAgain() {
        String cluster = uniqueCluster();
        String enterprise = member(cluster);
        String other = member(cluster);
        String full = createSalon(cluster, 1, 1);
        String confirmed = register(full, enterprise, 1).at("/id");
        String ahead = createSalon(cluster, 1, 1);
        register(ahead, other, 1);
        String waitlisted = register(ahead, enterprise, 1).at("/id");
        String cancelledSalon = createSalon(cluster, 5, 1);
        String cancelled = register(cancelledSalon, enterprise, 1).at("/id");
        api.as(enterpriseUser(enterprise)).post("/api/salons/registrations/" + cancelled + "/cancellation", null);
        String startedSalon = createSalon(cluster, 5, 1);
        String started = register(startedSalon, enterprise, 1).at("/id");
        hasStarted(startedSalon);
        String elsewhere = uniqueCluster();
        String otherCluster = register(createSalon(elsewhere, 5, 1), memberAs(elsewhere, enterprise, MemberStanding.ACTIVE), 1).at("/id");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        assertThat(flags.flagFuture(cluster, enterprise, "SUSPENDED", now)).isEqualTo(2);
        assertThat(flags.flagFuture(cluster, enterprise, "SUSPENDED", now.plusSeconds(5))).as("idempotent").isZero();

        ApiClient.Response view = api.as(enterpriseUser(enterprise)).get("/api/salons/registrations/" + confirmed);
        assertThat(view.at("/flag/reason")).isEqualTo("SUSPENDED");
        assertThat(Instant.parse(view.at("/flag/at"))).isEqualTo(now);
        assertThat(view.at("/status")).as("kept").isEqualTo("CONFIRMED");
        assertThat(flagOf(waitlisted, cluster)).isEqualTo("SUSPENDED");
        assertThat(flagOf(cancelled, cluster)).as("no longer stands").isNull();
        assertThat(flagOf(started, cluster)).as("already started").isNull();
        assertThat(flagOf(otherCluster, elsewhere)).as("another cluster's membership").isNull();
        ApiClient.Response flagged = api.as(secretariatOf(cluster))
                .get("/api/salons/salons/" + ahead + "/registrations?flagged=true");
        assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
        assertThat(flagged.json().get("content")).extracting(r -> r.get("id").asString()).containsExactly(waitlisted);
        assertThat(api.as(secretariatOf(cluster)).get("/api/salons/salons/" + ahead + "/registrations")
                .json().get("content")).as("all registrations, first first").hasSize(2)
                .extracting(r -> r.get("enterpriseId").asString()).containsExactly(other, enterprise);

        assertThat(flags.flagFuture(cluster, enterprise, "LAPSED", now.plusSeconds(10))).as("a new reason").isEqualTo(2);
        assertThat(flagOf(confirmed, cluster)).isEqualTo("LAPSED");

        ApiClient.Response cancellation = api.as(enterpriseUser(enterprise))
                .post("/api/salons/registrations/" + confirmed + "/cancellation", null);
        assertThat(cancellation.status()).as("a flagged registration still changes").isEqualTo(200);
        assertThat(cancellation.at("/flag/reason")).isEqualTo("LAPSED");

        assertThat(flags.clearFlags(cluster, enterprise, now.plusSeconds(20))).isEqualTo(2);
        assertThat(flags.clearFlags(cluster, enterprise, now.plusSeconds(25))).as("idempotent").isZero();
        assertThat(flagOf(waitlisted, cluster)).isNull();
        assertThat(flagOf(confirmed, cluster)).isNull();
        assertThat(api.as(secretariatOf(cluster)).get("/api/salons/salons/" + ahead + "/registrations?flagged=true")
                .json().get("content")).isEmpty();
    }

    @Test
    void anEnterpriseWithNothingAheadHasNothingToFlag() {
        String cluster = uniqueCluster();

        assertThat(flags.flagFuture(cluster, member(cluster), "TERMINATED", Instant.now())).isZero();
        assertThat(flags.clearFlags(cluster, member(cluster), Instant.now())).isZero();
    }

    @Test
    void onlyTheSecretariatOfTheSalonsClusterListsItsRegistrations() {
        String cluster = uniqueCluster();
        String salonId = createSalon(cluster, 5, 1);
        String enterprise = member(cluster);
        register(salonId, enterprise, 1);
        String path = "/api/salons/salons/" + salonId + "/registrations";

        assertThat(api.as(secretariatOf(cluster)).get(path).at("/totalElements")).isEqualTo("1");
        assertProblem(api.as(secretariatOf("another-cluster")).get(path), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(enterprise)).get(path), 403, "forbidden");
        assertProblem(api.as(expert()).get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).get("/api/salons/salons/no-such-salon/registrations"), 404,
                "not-found");
        assertProblem(api.as(secretariatOf(cluster)).get(path + "?size=500"), 400, null);
        assertProblem(api.as(secretariatOf(cluster)).get(path + "?flagged=maybe"), 400, null);
    }

    private String flagOf(String registrationId, String clusterId) {
        return api.as(secretariatOf(clusterId)).get("/api/salons/registrations/" + registrationId).at("/flag/reason");
    }
}
