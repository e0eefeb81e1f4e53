package com.brandcluster.events.registration;

import com.brandcluster.platform.web.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RegistrationTest {

    private static final Instant NOW = Instant.parse("2026-05-07T01:00:00Z");
    private static final List<Registration.Attendee> TWO = List.of(
            Registration.Attendee.named("Li Ming", "li.ming@opal.example", "Export manager", true),
            Registration.Attendee.named("Zhao Lei", "zhao.lei@opal.example", null, false));

    private static Registration pending() {
        return Registration.pending("r-1", "e-1", "lighting", "ent-opal", TWO, "APPROVAL_POLICY", "user", NOW);
    }

    private static Registration waitlisted() {
        return Registration.waitlisted("r-1", "e-1", "lighting", "ent-opal", TWO, "user", NOW);
    }

    @Test
    void aNewRegistrationStartsInTheStateItWasAdmittedToAtVersionOne() {
        Registration confirmed = Registration.confirmed("r-1", "e-1", "lighting", "ent-opal", TWO, "user", NOW);

        assertThat(confirmed.status()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(confirmed.version()).isEqualTo(1);
        assertThat(confirmed.seats()).isEqualTo(2);
        assertThat(confirmed.attendees()).extracting(Registration.Attendee::consentToAttendeeList)
                .containsExactly(true, false);
        assertThat(waitlisted().waitlistedAt()).isEqualTo(NOW);
        assertThat(pending().approvalReason()).isEqualTo("APPROVAL_POLICY");
        assertThatIllegalArgumentException().isThrownBy(() ->
                Registration.confirmed("r-2", "e-1", "lighting", "ent-opal", List.of(), "user", NOW));
    }

    @Test
    void theSecretariatApprovesAPendingRegistrationIntoItsSeatsOrIntoTheWaitlistOnce() {
        Registration seated = pending();
        seated.approve(true, "secretariat", NOW.plusSeconds(60));
        assertThat(seated.status()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(seated.version()).isEqualTo(2);
        assertThat(seated.previousStatus()).isEqualTo(Registration.Status.PENDING);

        Registration inLine = pending();
        inLine.approve(false, "secretariat", NOW.plusSeconds(60));
        assertThat(inLine.status()).isEqualTo(Registration.Status.WAITLISTED);
        assertThat(inLine.waitlistedAt()).isEqualTo(NOW.plusSeconds(60));

        assertIllegal(() -> seated.approve(true, "secretariat", NOW), "CONFIRMED");
        assertIllegal(() -> seated.decline("no", "secretariat", NOW), "CONFIRMED");
    }

    @Test
    void aDeclinedRegistrationKeepsItsReasonAndIsClosed() {
        Registration registration = pending();

        registration.decline("The plenary is for council members.", "secretariat", NOW);

        assertThat(registration.status()).isEqualTo(Registration.Status.DECLINED);
        assertThat(registration.history().getLast().reason()).isEqualTo("The plenary is for council members.");
        assertThat(registration.status().isOpen()).isFalse();
        assertIllegal(() -> registration.cancel("user", null, NOW), "DECLINED");
        assertIllegal(() -> registration.approve(true, "secretariat", NOW), "DECLINED");
    }

    @Test
    void anOfferIsAcceptedBeforeItLapsesAndNotAfter() {
        Registration accepted = waitlisted();
        accepted.offer(NOW.plus(Duration.ofHours(24)), NOW);
        assertThat(accepted.status()).isEqualTo(Registration.Status.OFFERED);
        assertThat(accepted.status().holdsSeats()).isTrue();
        accepted.acceptOffer("user", NOW.plus(Duration.ofHours(23)));
        assertThat(accepted.status()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(accepted.version()).isEqualTo(3);

        Registration late = waitlisted();
        late.offer(NOW.plus(Duration.ofHours(24)), NOW);
        assertThatThrownBy(() -> late.acceptOffer("user", NOW.plus(Duration.ofHours(24))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("offer-lapsed"));
        assertThatThrownBy(() -> late.lapse(NOW.plus(Duration.ofHours(23)))).isInstanceOf(IllegalStateException.class);
        late.lapse(NOW.plus(Duration.ofHours(24)));
        assertThat(late.status()).isEqualTo(Registration.Status.LAPSED);
        assertThat(late.previousStatus()).isEqualTo(Registration.Status.OFFERED);
        assertIllegal(() -> late.offer(NOW.plus(Duration.ofHours(48)), NOW), "LAPSED");
    }

    @Test
    void everyOpenStateIsCancelledOnceAndOnlyAStateHoldingSeatsSaysSo() {
        for (Registration registration : List.of(pending(), waitlisted(),
                Registration.confirmed("r-1", "e-1", "lighting", "ent-opal", TWO, "user", NOW))) {
            Registration.Status before = registration.status();
            registration.cancel("user", "travel", NOW);
            assertThat(registration.status()).isEqualTo(Registration.Status.CANCELLED);
            assertThat(registration.previousStatus()).isEqualTo(before);
            assertIllegal(() -> registration.cancel("user", "again", NOW), "CANCELLED");
        }
        assertThat(Registration.Status.PENDING.holdsSeats()).isFalse();
        assertThat(Registration.Status.WAITLISTED.holdsSeats()).isFalse();
        assertThat(Registration.Status.CONFIRMED.holdsSeats()).isTrue();
    }

    @Test
    void aSuspensionReturnsUnconfirmedRegistrationsToApprovalAndKeepsTheirPlaceInLine() {
        Registration offered = waitlisted();
        offered.offer(NOW.plus(Duration.ofHours(24)), NOW);

        assertThat(offered.returnToApproval("MEMBERSHIP_SUSPENDED", NOW.plusSeconds(5))).isTrue();
        assertThat(offered.status()).isEqualTo(Registration.Status.PENDING);
        assertThat(offered.approvalReason()).isEqualTo("MEMBERSHIP_SUSPENDED");
        assertThat(offered.offerExpiresAt()).isNull();
        assertThat(offered.returnToApproval("MEMBERSHIP_SUSPENDED", NOW.plusSeconds(6))).isFalse();
        assertThat(offered.version()).isEqualTo(3);

        offered.approve(false, "secretariat", NOW.plus(Duration.ofDays(3)));
        assertThat(offered.waitlistedAt()).as("its place in line from before").isEqualTo(NOW);

        Registration confirmed = Registration.confirmed("r-2", "e-1", "lighting", "ent-opal", TWO, "user", NOW);
        assertThat(confirmed.returnToApproval("MEMBERSHIP_SUSPENDED", NOW)).isFalse();
        assertThat(confirmed.status()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(pending().returnToApproval("MEMBERSHIP_SUSPENDED", NOW)).isFalse();
    }

    private static void assertIllegal(Runnable transition, String currentState) {
        assertThatThrownBy(transition::run).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.type()).isEqualTo("registration-state");
            assertThat(e.properties()).containsEntry("currentState", currentState);
        });
    }
}
