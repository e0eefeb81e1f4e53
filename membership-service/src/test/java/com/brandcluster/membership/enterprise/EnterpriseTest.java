package com.brandcluster.membership.enterprise;

import com.brandcluster.membership.enterprise.Enterprise.UserRole;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.NotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The colleague rules of an enterprise: invitations, removals and roles, always with at least one admin. */
class EnterpriseTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Enterprise.Profile PROFILE = new Enterprise.Profile("Opal Lighting Co., Ltd.", "Guangdong",
            "Lighting", "LARGE", "https://opal.example", List.of("OPAL"),
            List.of(new Enterprise.Contact("Li Ming", "Brand manager", "li@opal.example", null)));

    private static Enterprise registered() {
        Enterprise enterprise = new Enterprise("ent-1", UnifiedSocialCreditCode.withCheckCharacter("91440000000000001"),
                PROFILE, "founder", "Founder@Opal.example", T0);
        enterprise.linked(T0);
        return enterprise;
    }

    private static Enterprise withColleague(String userId, UserRole role) {
        Enterprise enterprise = registered();
        enterprise.invite(userId, userId + "@opal.example", role, "founder", T0);
        enterprise.completeLink(userId, T0);
        return enterprise;
    }

    @Test
    void theRegistrantIsTheFirstAdminAndRegistrationIsTwoChanges() {
        Enterprise enterprise = registered();

        assertThat(enterprise.isAdmin("founder")).isTrue();
        assertThat(enterprise.user("founder")).hasValueSatisfying(c -> assertThat(c.email()).isEqualTo("founder@opal.example"));
        assertThat(enterprise.version()).isEqualTo(Enterprise.REGISTRANT_LINKED_VERSION);
    }

    @Test
    void anInvitationBecomesAColleagueOnceLinked() {
        Enterprise enterprise = registered();

        enterprise.invite("u-2", "Wang@Opal.example", UserRole.STAFF, "founder", T0);

        assertThat(enterprise.user("u-2")).isEmpty();
        assertThat(enterprise.pendingLink("u-2")).isPresent();
        Enterprise.Colleague colleague = enterprise.completeLink("u-2", T0.plusSeconds(1));
        assertThat(colleague.email()).isEqualTo("wang@opal.example");
        assertThat(colleague.role()).isEqualTo(UserRole.STAFF);
        assertThat(enterprise.pendingLink("u-2")).isEmpty();
        assertThat(enterprise.version()).isEqualTo(3);
        assertThat(enterprise.isAdmin("u-2")).isFalse();
    }

    @Test
    void invitingAgainWhilePendingResumesWithTheLatestRole() {
        Enterprise enterprise = registered();
        enterprise.invite("u-2", "wang@opal.example", UserRole.STAFF, "founder", T0);

        enterprise.invite("u-2", "wang@opal.example", UserRole.ADMIN, "founder", T0.plusSeconds(5));

        assertThat(enterprise.pendingLinks()).singleElement().satisfies(p -> assertThat(p.role()).isEqualTo(UserRole.ADMIN));
        assertThat(enterprise.completeLink("u-2", T0).role()).isEqualTo(UserRole.ADMIN);
    }

    @Test
    void completingTwiceIsHarmless() {
        Enterprise enterprise = registered();
        enterprise.invite("u-2", "wang@opal.example", UserRole.STAFF, "founder", T0);
        enterprise.completeLink("u-2", T0);

        assertThat(enterprise.completeLink("u-2", T0).userId()).isEqualTo("u-2");
        assertThat(enterprise.version()).isEqualTo(3);
        assertThat(enterprise.users()).hasSize(2);
    }

    @Test
    void aColleagueCannotBeInvitedAgainByIdOrEmail() {
        Enterprise enterprise = withColleague("u-2", UserRole.STAFF);

        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> enterprise.invite("u-2", "other@opal.example", UserRole.ADMIN, "founder", T0))
                .satisfies(e -> assertThat(e.type()).isEqualTo("colleague-exists"))
                .satisfies(e -> assertThat(e.properties()).containsEntry("currentState", "ACTIVE"));
        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> enterprise.invite("u-3", "U-2@opal.example", UserRole.ADMIN, "founder", T0))
                .satisfies(e -> assertThat(e.type()).isEqualTo("colleague-exists"));
    }

    @Test
    void aWithdrawnInvitationCanNeitherBeCompletedNorRenewedUntilForgotten() {
        Enterprise enterprise = registered();
        enterprise.invite("u-2", "wang@opal.example", UserRole.STAFF, "founder", T0);

        assertThat(enterprise.withdrawLink("u-2")).isTrue();
        assertThat(enterprise.withdrawLink("u-2")).isFalse();

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> enterprise.completeLink("u-2", T0))
                .satisfies(e -> assertThat(e.type()).isEqualTo(Enterprise.INVITATION_EXPIRED))
                .satisfies(e -> assertThat(e.properties()).containsEntry("currentState", "WITHDRAWN"));
        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> enterprise.invite("u-2", "wang@opal.example", UserRole.STAFF, "founder", T0))
                .satisfies(e -> assertThat(e.type()).isEqualTo("invitation-withdrawn"));
        enterprise.forgetWithdrawnLink("u-2");
        assertThat(enterprise.pendingLinks()).isEmpty();
        enterprise.invite("u-2", "wang@opal.example", UserRole.STAFF, "founder", T0);
        assertThat(enterprise.version()).isEqualTo(2);
    }

    @Test
    void aDroppedInvitationLeavesNothing() {
        Enterprise enterprise = registered();
        enterprise.invite("u-2", "wang@opal.example", UserRole.STAFF, "founder", T0);

        assertThat(enterprise.dropLink("u-2")).isTrue();

        assertThat(enterprise.pendingLinks()).isEmpty();
        assertThat(enterprise.version()).isEqualTo(2);
    }

    @Test
    void theLastAdminCannotBeRemoved() {
        Enterprise enterprise = withColleague("u-2", UserRole.STAFF);

        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> enterprise.startRemoval("founder", "founder", T0))
                .satisfies(e -> assertThat(e.type()).isEqualTo("last-admin"));
        assertThat(enterprise.pendingUnlinks()).isEmpty();
    }

    @Test
    void aStaffColleagueIsRemovedInTwoStepsWithOneNewVersion() {
        Enterprise enterprise = withColleague("u-2", UserRole.STAFF);

        enterprise.startRemoval("u-2", "founder", T0);

        assertThat(enterprise.user("u-2")).isPresent();
        assertThat(enterprise.completeRemoval("u-2")).hasValueSatisfying(c -> assertThat(c.userId()).isEqualTo("u-2"));
        assertThat(enterprise.user("u-2")).isEmpty();
        assertThat(enterprise.version()).isEqualTo(4);
        assertThat(enterprise.completeRemoval("u-2")).isEmpty();
        assertThat(enterprise.version()).isEqualTo(4);
    }

    @Test
    void aLeavingAdminNoLongerCountsSoTwoAdminsCannotRemoveEachOther() {
        Enterprise enterprise = withColleague("u-2", UserRole.ADMIN);

        enterprise.startRemoval("u-2", "founder", T0);

        assertThat(enterprise.isAdmin("u-2")).isFalse();
        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> enterprise.startRemoval("founder", "u-2", T0))
                .satisfies(e -> assertThat(e.type()).isEqualTo("last-admin"));
    }

    @Test
    void startingARemovalTwiceResumesIt() {
        Enterprise enterprise = withColleague("u-2", UserRole.STAFF);
        enterprise.startRemoval("u-2", "founder", T0);

        enterprise.startRemoval("u-2", "founder", T0.plusSeconds(3));

        assertThat(enterprise.pendingUnlinks()).hasSize(1);
    }

    @Test
    void removingSomeoneWhoIsNoColleagueIsNotFound() {
        Enterprise enterprise = registered();

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> enterprise.startRemoval("u-9", "founder", T0));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> enterprise.changeRole("u-9", UserRole.ADMIN));
    }

    @Test
    void rolesChangeWhileOneAdminRemains() {
        Enterprise enterprise = withColleague("u-2", UserRole.STAFF);

        assertThat(enterprise.changeRole("u-2", UserRole.ADMIN)).hasValueSatisfying(c -> assertThat(c.role()).isEqualTo(UserRole.ADMIN));
        assertThat(enterprise.version()).isEqualTo(4);
        assertThat(enterprise.changeRole("founder", UserRole.STAFF)).isPresent();
        assertThat(enterprise.isAdmin("founder")).isFalse();
        assertThat(enterprise.isAdmin("u-2")).isTrue();
        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> enterprise.changeRole("u-2", UserRole.STAFF))
                .satisfies(e -> assertThat(e.type()).isEqualTo("last-admin"));
    }

    @Test
    void givingARoleSomeoneHoldsChangesNothing() {
        Enterprise enterprise = withColleague("u-2", UserRole.STAFF);

        assertThat(enterprise.changeRole("u-2", UserRole.STAFF)).isEmpty();
        assertThat(enterprise.version()).isEqualTo(3);
    }

    @Test
    void aLeavingColleagueKeepsTheirRole() {
        Enterprise enterprise = withColleague("u-2", UserRole.STAFF);
        enterprise.startRemoval("u-2", "u-2", T0);

        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> enterprise.changeRole("u-2", UserRole.ADMIN))
                .satisfies(e -> assertThat(e.properties()).containsEntry("currentState", "LEAVING"));
        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> enterprise.invite("u-2", "u-2@opal.example", UserRole.ADMIN, "founder", T0))
                .satisfies(e -> assertThat(e.properties()).containsEntry("currentState", "LEAVING"));
    }

    @Test
    void aProfileUpdateIsANewVersionOnlyWhenSomethingChanged() {
        Enterprise enterprise = registered();

        assertThat(enterprise.updateProfile(PROFILE)).isFalse();
        assertThat(enterprise.version()).isEqualTo(2);
        Enterprise.Profile renamed = new Enterprise.Profile("Opal Lighting Group", PROFILE.region(), PROFILE.industry(),
                PROFILE.size(), null, PROFILE.trademarks(), List.of());
        assertThat(enterprise.updateProfile(renamed)).isTrue();
        assertThat(enterprise.version()).isEqualTo(3);
        assertThat(enterprise.legalName()).isEqualTo("Opal Lighting Group");
        assertThat(enterprise.website()).isNull();
        assertThat(enterprise.contacts()).isEmpty();
        assertThat(enterprise.creditCode()).isEqualTo(UnifiedSocialCreditCode.withCheckCharacter("91440000000000001").value());
    }
}
