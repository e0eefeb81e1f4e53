package com.brandcluster.events.registration;

import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.UnprocessableException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationCheckInTest {

    private static final Instant REGISTERED = Instant.parse("2026-05-07T01:00:00Z");
    private static final Instant AT_THE_DOOR = Instant.parse("2026-06-18T00:45:00Z");

    private static Registration confirmed() {
        return Registration.confirmed("r-1", "e-1", "lighting", "ent-opal", List.of(
                Registration.Attendee.named("Li Ming", "li.ming@opal.example", "Export manager", true),
                Registration.Attendee.named("Zhao Lei", "zhao.lei@opal.example", null, false),
                Registration.Attendee.named("Wang Fang", "wang.fang@opal.example", "CEO", true)), "user", REGISTERED);
    }

    private static String idOf(Registration registration, int index) {
        return registration.attendees().get(index).id();
    }

    @Test
    void everyAttendeeHasAnIdOfTheirOwnAndIsNotCheckedInAtFirst() {
        Registration registration = confirmed();

        assertThat(registration.attendees()).extracting(Registration.Attendee::id).doesNotContainNull()
                .doesNotHaveDuplicates();
        assertThat(registration.attendees()).noneMatch(Registration.Attendee::isCheckedIn);
        assertThat(registration.attendee(idOf(registration, 1))).hasValueSatisfying(a ->
                assertThat(a.name()).isEqualTo("Zhao Lei"));
        assertThat(registration.attendee("nobody")).isEmpty();
    }

    @Test
    void checkingInAWholeRegistrationRecordsEachAttendeeAsAChangeWithAVersionOfItsOwn() {
        Registration registration = confirmed();

        List<Registration.CheckIn> checkedIn = registration.checkIn(Set.of(), "secretariat", AT_THE_DOOR);

        assertThat(checkedIn).extracting(c -> c.attendee().name()).containsExactly("Li Ming", "Zhao Lei",
                "Wang Fang");
        assertThat(checkedIn).extracting(Registration.CheckIn::version).containsExactly(2L, 3L, 4L);
        assertThat(registration.version()).isEqualTo(4);
        assertThat(registration.attendees()).extracting(Registration.Attendee::checkedInAt)
                .containsOnly(AT_THE_DOOR);
        assertThat(registration.status()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(registration.history().getLast().reason())
                .isEqualTo("attendee " + idOf(registration, 2) + " checked in");
        assertThat(registration.history().getLast().by()).isEqualTo("secretariat");
    }

    @Test
    void anAttendeeCheckedInAlreadyStaysAsTheyWereAndOnlyTheOthersAreCheckedIn() {
        Registration registration = confirmed();
        String li = idOf(registration, 0);
        String wang = idOf(registration, 2);
        registration.checkIn(Set.of(li), "door-1", AT_THE_DOOR);

        assertThat(registration.checkIn(Set.of(li), "door-2", AT_THE_DOOR.plusSeconds(30))).isEmpty();
        List<Registration.CheckIn> second = registration.checkIn(Set.of(li, wang), "door-2",
                AT_THE_DOOR.plusSeconds(60));

        assertThat(second).extracting(c -> c.attendee().id()).containsExactly(wang);
        assertThat(registration.attendee(li).orElseThrow().checkedInAt()).isEqualTo(AT_THE_DOOR);
        assertThat(registration.attendee(wang).orElseThrow().checkedInAt()).isEqualTo(AT_THE_DOOR.plusSeconds(60));
        assertThat(registration.attendees().get(1).isCheckedIn()).isFalse();
        assertThat(registration.version()).isEqualTo(3);
        assertThat(registration.checkIn(Set.of(), "door-3", AT_THE_DOOR.plus(Duration.ofHours(1))))
                .extracting(c -> c.attendee().name()).containsExactly("Zhao Lei");
        assertThat(registration.checkIn(Set.of(), "door-3", AT_THE_DOOR.plus(Duration.ofHours(2)))).isEmpty();
        assertThat(registration.version()).isEqualTo(4);
    }

    @Test
    void onlyAConfirmedRegistrationsAttendeesAreCheckedIn() {
        List<Registration.Attendee> one = List.of(Registration.Attendee.named("Li Ming", "li@opal.example", null,
                true));
        Registration pending = Registration.pending("r-2", "e-1", "lighting", "ent-opal", one, "APPROVAL_POLICY",
                "user", REGISTERED);
        Registration waitlisted = Registration.waitlisted("r-3", "e-1", "lighting", "ent-opal", one, "user",
                REGISTERED);
        Registration cancelled = confirmed();
        cancelled.cancel("user", "travel", REGISTERED.plusSeconds(60));

        for (Registration registration : List.of(pending, waitlisted, cancelled)) {
            long version = registration.version();
            String state = registration.status().name();
            assertThatThrownBy(() -> registration.checkIn(Set.of(), "secretariat", AT_THE_DOOR))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.type()).isEqualTo("registration-state");
                        assertThat(e.properties()).containsEntry("currentState", state);
                    });
            assertThat(registration.version()).isEqualTo(version);
            assertThat(registration.attendees()).noneMatch(Registration.Attendee::isCheckedIn);
        }
    }

    @Test
    void anAttendeeIdTheRegistrationDoesNotHaveIsRefusedAndNobodyIsCheckedIn() {
        Registration registration = confirmed();

        assertThatThrownBy(() -> registration.checkIn(Set.of(idOf(registration, 0), "zz-stranger", "aa-stranger"),
                "secretariat", AT_THE_DOOR))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> {
                    assertThat(e.type()).isEqualTo("unknown-attendee");
                    assertThat(e.detail()).contains("aa-stranger, zz-stranger");
                });
        assertThat(registration.attendees()).noneMatch(Registration.Attendee::isCheckedIn);
        assertThat(registration.version()).isEqualTo(1);
    }
}
