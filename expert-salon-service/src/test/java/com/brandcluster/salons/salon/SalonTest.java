package com.brandcluster.salons.salon;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalonTest {

    static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
    static final Instant START = Instant.parse("2026-06-12T06:30:00Z");
    static final Instant END = START.plusSeconds(3 * 3600);

    static Salon salon(int capacity, int seatsPerEnterprise) {
        return Salon.publish("s1", "lighting", "Brand Home, Brand Price", "Pricing a lighting brand", null,
                List.of("expert-1"), START, END, ZoneId.of("Asia/Shanghai"), "Guangzhou", null, capacity,
                seatsPerEnterprise, NOW.minusSeconds(3600), START.minusSeconds(86400), "sec", NOW);
    }

    @Test
    void aValidSalonIsPublishedWithNoSeatsTaken() {
        Salon salon = salon(30, 3);

        assertThat(salon.status()).isEqualTo(Salon.Status.PUBLISHED);
        assertThat(salon.seatsTaken()).isZero();
        assertThat(salon.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(salon.isOpenForRegistration(NOW)).isTrue();
        assertThat(salon.isOpenForRegistration(START.minusSeconds(86400))).isFalse();
        assertThat(salon.isOpenForRegistration(NOW.minusSeconds(3601))).isFalse();
    }

    @Test
    void refusesEndBeforeStartStartInThePastAndBadSeatCounts() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        assertThatThrownBy(() -> Salon.publish("s", "c", "t", "t", null, null, START, START, zone, "v", null, 5, 1,
                NOW, START, "sec", NOW)).isInstanceOf(InvalidSalonException.class).hasMessageContaining("end after");
        assertThatThrownBy(() -> Salon.publish("s", "c", "t", "t", null, null, NOW, END, zone, "v", null, 5, 1,
                NOW.minusSeconds(10), NOW, "sec", NOW)).isInstanceOf(InvalidSalonException.class)
                .hasMessageContaining("future");
        assertThatThrownBy(() -> salon(0, 1)).isInstanceOf(InvalidSalonException.class);
        assertThatThrownBy(() -> salon(5, 6)).isInstanceOf(InvalidSalonException.class)
                .hasMessageContaining("Seats per enterprise");
        assertThatThrownBy(() -> salon(5, 0)).isInstanceOf(InvalidSalonException.class);
    }

    @Test
    void refusesARegistrationWindowAfterTheStartOrInsideOutAndASalonWithoutAPlace() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        assertThatThrownBy(() -> Salon.publish("s", "c", "t", "t", null, null, START, END, zone, "v", null, 5, 1,
                NOW, START.plusSeconds(1), "sec", NOW)).isInstanceOf(InvalidSalonException.class)
                .hasMessageContaining("before the salon starts");
        assertThatThrownBy(() -> Salon.publish("s", "c", "t", "t", null, null, START, END, zone, "v", null, 5, 1,
                NOW, NOW, "sec", NOW)).isInstanceOf(InvalidSalonException.class)
                .hasMessageContaining("close after it opens");
        assertThatThrownBy(() -> Salon.publish("s", "c", "t", "t", null, null, START, END, zone, " ", null, 5, 1,
                NOW, START, "sec", NOW)).isInstanceOf(InvalidSalonException.class)
                .hasMessageContaining("venue or an online link");
    }

    @Test
    void onlyIanaRegionIdsAreZones() {
        assertThat(Salons.zone("America/New_York")).isEqualTo(ZoneId.of("America/New_York"));
        assertThatThrownBy(() -> Salons.zone("Mars/Olympus")).isInstanceOf(UnknownTimeZoneException.class);
        assertThatThrownBy(() -> Salons.zone("+08:00")).isInstanceOf(UnknownTimeZoneException.class);
        assertThatThrownBy(() -> Salons.zone(null)).isInstanceOf(UnknownTimeZoneException.class);
    }
}
