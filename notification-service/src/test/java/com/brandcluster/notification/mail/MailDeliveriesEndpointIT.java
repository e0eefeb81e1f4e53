package com.brandcluster.notification.mail;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.brandcluster.notification.mail.MailDelivery.State;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators see what could not be sent: a delivery that failed {@code max-attempts} times (3 here) is FAILED with a
 * safe reason, counted and listed at {@code /actuator/maildeliveries}, and can be queued again. Only alliance
 * administrators see or re-queue anything; the list shows neither addresses nor contents.
 */
class MailDeliveriesEndpointIT extends MailIntegrationTest {

    private static final String ENDPOINT = "/actuator/maildeliveries";

    private static String allianceAdmin() {
        return TestTokens.user("admin-" + UUID.randomUUID()).roles(Roles.ALLIANCE_ADMIN).issue();
    }

    private static String enterpriseUser() {
        return TestTokens.user("user-" + UUID.randomUUID()).roles(Roles.ENTERPRISE).enterpriseId("ent-1").issue();
    }

    private static String secretariat() {
        return TestTokens.user("sec-" + UUID.randomUUID()).roles(Roles.SECRETARIAT).secretariatOf("lighting").issue();
    }

    @Test
    void aDeliveryThatKeepsFailingIsFailedAfterTheLastAttemptAndOperatorsSeeWhy() {
        MailRequest failing = request("Ballot opens");
        MailRequest sent = request("Welcome");
        queue.enqueue(sent);
        dispatcher.dispatchDue();
        TestSmtp.down();
        queue.enqueue(failing);
        double failedBefore = counted("failed");

        dispatcher.dispatchDue();
        assertThat(delivery(failing.deliveryId()).attempts()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(delivery(failing.deliveryId()).state()).isEqualTo(State.QUEUED);
        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatchDue();

        MailDelivery failed = delivery(failing.deliveryId());
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("MailSendException: ConnectException");
        assertThat(counted("failed")).isEqualTo(failedBefore + 1);
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.dispatchDue()).as("a FAILED delivery is not attempted again").isZero();

        ApiClient.Response summary = api.as(allianceAdmin()).get(ENDPOINT);
        assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
        assertThat(summary.at("/counts/FAILED")).isEqualTo("1");
        assertThat(summary.at("/counts/SENT")).isEqualTo("1");
        assertThat(summary.at("/counts/QUEUED")).isEqualTo("0");
        assertThat(summary.json().get("failed")).hasSize(1);
        assertThat(summary.at("/failed/0/deliveryId")).isEqualTo(failing.deliveryId());
        assertThat(summary.at("/failed/0/attempts")).isEqualTo("3");
        assertThat(summary.at("/failed/0/reason")).isEqualTo("MailSendException: ConnectException");
        assertThat(summary.body()).doesNotContain("wang.fang@lighting.example", "Ballot opens");
    }

    @Test
    void anOperatorQueuesAFailedDeliveryAgainAndItGoesOut() throws Exception {
        MailRequest request = request("Your certificate expires soon");
        queue.enqueue(request);
        TestSmtp.down();
        for (int attempt = 0; attempt < 3; attempt++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(delivery(request.deliveryId()).state()).isEqualTo(State.FAILED);
        TestSmtp.up();

        ApiClient.Response requeued = api.as(allianceAdmin()).post(ENDPOINT + "/" + request.deliveryId(), null);

        assertThat(requeued.status()).as(requeued.toString()).isEqualTo(200);
        assertThat(requeued.at("/state")).isEqualTo("QUEUED");
        assertThat(delivery(request.deliveryId()).attempts()).isZero();
        assertThat(delivery(request.deliveryId()).nextAttemptAt()).isEqualTo(clock.instant());
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(awaitReceived(1).getFirst().getSubject()).isEqualTo("Your certificate expires soon");
        assertThat(delivery(request.deliveryId()).state()).isEqualTo(State.SENT);

        ApiClient.Response again = api.as(allianceAdmin()).post(ENDPOINT + "/" + request.deliveryId(), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.at("/type")).isEqualTo("urn:brandcluster:problem:mail-delivery-not-failed");
        assertThat(again.at("/detail")).contains("SENT");
        ApiClient.Response unknown = api.as(allianceAdmin()).post(ENDPOINT + "/no-such-delivery", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.at("/type")).isEqualTo("urn:brandcluster:problem:not-found");
    }

    @Test
    void onlyAllianceAdministratorsSeeOrQueueAgain() {
        MailRequest request = request("Your application was rejected");
        queue.enqueue(request);
        TestSmtp.down();
        for (int attempt = 0; attempt < 3; attempt++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofMinutes(10));
        }
        String requeue = ENDPOINT + "/" + request.deliveryId();

        for (String token : new String[] {enterpriseUser(), secretariat()}) {
            ApiClient.Response read = api.as(token).get(ENDPOINT);
            assertThat(read.status()).isEqualTo(403);
            assertThat(read.contentType()).startsWith("application/problem+json");
            assertThat(api.as(token).post(requeue, null).status()).isEqualTo(403);
        }
        ApiClient.Response anonymous = api.anonymous().get(ENDPOINT);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(api.anonymous().post(requeue, null).status()).isEqualTo(401);
        assertThat(delivery(request.deliveryId()).state()).isEqualTo(State.FAILED);

        assertThat(api.as(allianceAdmin()).get(ENDPOINT).status()).isEqualTo(200);
    }
}
