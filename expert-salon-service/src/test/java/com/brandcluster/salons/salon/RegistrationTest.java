package com.brandcluster.salons.salon;

import com.brandcluster.platform.web.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationTest {

    private static final Instant NOW = SalonTest.NOW;
    private static final Salon SALON = SalonTest.salon(10, 3);
    private static final List<Registration.Attendee> TWO = List.of(
            new Registration.Attendee("Li Ming", "li@example.com", "Brand manager"),
            new Registration.Attendee("Wang Fang", null, null));

    private static Registration waitlisted() {
        return Registration.waitlisted("r1", SALON, "ent-1", TWO, "user", NOW);
    }

    private static Registration offered() {
        Registration registration = waitlisted();
        registration.offer(NOW.plus(Duration.ofHours(2)), NOW);
        return registration;
    }

    @Test
    void aConfirmedRegistrationHoldsItsSeats() {
        Registration registration = Registration.confirmed("r1", SALON, "ent-1", TWO, "user", NOW);

        assertThat(registration.status()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(registration.status().holdsSeats()).isTrue();
        assertThat(registration.seats()).isEqualTo(2);
        assertThat(registration.version()).isEqualTo(1);
        assertThat(registration.waitlistedAt()).isNull();
    }

    @Test
    void moreAttendeesThanSeatsPerEnterpriseOrNoneAreRefused() {
        var four = List.of(TWO.get(0), TWO.get(1), TWO.get(0), TWO.get(1));
        assertThatThrownBy(() -> Registration.confirmed("r", SALON, "e", four, "u", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Registration.waitlisted("r", SALON, "e", List.of(), "u", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWaitlistedRegistrationIsOfferedSeatsAndAcceptsThemInTime() {
        Registration registration = waitlisted();
        assertThat(registration.status().holdsSeats()).isFalse();
        assertThat(registration.waitlistedAt()).isEqualTo(NOW);

        registration.offer(NOW.plus(Duration.ofHours(2)), NOW);
        assertThat(registration.status()).isEqualTo(Registration.Status.OFFERED);
        assertThat(registration.status().holdsSeats()).isTrue();
        assertThat(registration.offerExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));

        registration.acceptOffer("user", NOW.plus(Duration.ofHours(1)));
        assertThat(registration.status()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(registration.version()).isEqualTo(3);
        assertThat(registration.previousStatus()).isEqualTo(Registration.Status.OFFERED);
    }

    @Test
    void anOfferAcceptedTooLateIsRefusedAsLapsed() {
        Registration registration = offered();

        assertThatThrownBy(() -> registration.acceptOffer("user", NOW.plus(Duration.ofHours(2))))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.properties()).containsEntry("currentState", "LAPSED"));
        assertThat(registration.status()).isEqualTo(Registration.Status.OFFERED);
    }

    @Test
    void anOfferLapsesOnlyAfterItsExpiry() {
        Registration registration = offered();

        assertThatThrownBy(() -> registration.lapse(NOW.plus(Duration.ofMinutes(119))))
                .isInstanceOf(IllegalStateException.class);
        registration.lapse(NOW.plus(Duration.ofHours(2)));

        assertThat(registration.status()).isEqualTo(Registration.Status.LAPSED);
        assertThat(registration.status().holdsSeats()).isFalse();
        assertThat(registration.history()).extracting(Registration.Change::status).containsExactly(
                Registration.Status.WAITLISTED, Registration.Status.OFFERED, Registration.Status.LAPSED);
    }

    @Test
    void onlyTheRightStatesMayBeOfferedAcceptedOrLapsed() {
        Registration confirmed = Registration.confirmed("r1", SALON, "ent-1", TWO, "user", NOW);
        assertThatThrownBy(() -> confirmed.offer(NOW, NOW)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.properties()).containsEntry("currentState", "CONFIRMED"));
        assertThatThrownBy(() -> confirmed.acceptOffer("u", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> confirmed.lapse(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> waitlisted().acceptOffer("u", NOW)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.properties()).containsEntry("currentState", "WAITLISTED"));
        assertThatThrownBy(() -> offered().offer(NOW, NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void everyOpenStateMayBeCancelledOnce() {
        Registration confirmed = Registration.confirmed("r1", SALON, "ent-1", TWO, "user", NOW);
        Registration waitlisted = waitlisted();
        Registration offered = offered();
        confirmed.cancel("user", "no time", NOW);
        waitlisted.cancel("user", null, NOW);
        offered.cancel("sec", null, NOW);

        assertThat(List.of(confirmed, waitlisted, offered)).extracting(Registration::status)
                .containsOnly(Registration.Status.CANCELLED);
        assertThat(confirmed.previousStatus()).isEqualTo(Registration.Status.CONFIRMED);
        assertThatThrownBy(() -> confirmed.cancel("user", null, NOW)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.properties()).containsEntry("currentState", "CANCELLED"));

        Registration lapsed = offered();
        lapsed.lapse(NOW.plus(Duration.ofHours(3)));
        assertThatThrownBy(() -> lapsed.cancel("user", null, NOW)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.properties()).containsEntry("currentState", "LAPSED"));
    }
}
