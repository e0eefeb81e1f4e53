package com.brandcluster.membership.application;

import com.brandcluster.platform.web.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ApplicationTest {

    private static final Instant SUBMITTED = Instant.parse("2026-03-10T06:45:12Z");
    private static final Instant DECIDED = Instant.parse("2026-03-12T02:00:00Z");

    private Application submitted() {
        return Application.submit("a1", "lighting", "ent-opal", "Opal Lighting", "member", "We make lamps",
                "user-1", SUBMITTED);
    }

    @Test
    void startsSubmittedWithItsSubmissionInTheHistory() {
        Application application = submitted();

        assertThat(application.status()).isEqualTo(Application.Status.SUBMITTED);
        assertThat(application.isOpen()).isTrue();
        assertThat(application.version()).isEqualTo(1);
        assertThat(application.history()).extracting(Application.Change::status)
                .containsExactly(Application.Status.SUBMITTED);
    }

    @Test
    void approvingRecordsReviewerTierAndPendingAdmission() {
        Application application = submitted();

        application.approve("council", "LIGHT-2026-0042", "secretary-1", DECIDED);

        assertThat(application.status()).isEqualTo(Application.Status.APPROVED);
        assertThat(application.approvedTier()).isEqualTo("council");
        assertThat(application.memberNumber()).isEqualTo("LIGHT-2026-0042");
        assertThat(application.decidedBy()).isEqualTo("secretary-1");
        assertThat(application.decidedAt()).isEqualTo(DECIDED);
        assertThat(application.admission()).isEqualTo(Application.Admission.PENDING);
        assertThat(application.version()).isEqualTo(2);
    }

    @Test
    void refusesToApproveAnApplicationThatIsNotSubmitted() {
        Application application = submitted();
        application.reject("secretary-1", "Not in the lighting industry", DECIDED);

        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> application.approve("member", "LIGHT-2026-0043", "secretary-2", DECIDED.plusSeconds(60)));
        assertThat(application.status()).isEqualTo(Application.Status.REJECTED);
        assertThat(application.history()).hasSize(2);
    }

    @Test
    void refusesToDecideTwice() {
        Application application = submitted();
        application.approve("member", "LIGHT-2026-0042", "secretary-1", DECIDED);

        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> application.reject("secretary-2", "late", DECIDED));
        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> application.withdraw("user-1", DECIDED));
        assertThat(application.status()).isEqualTo(Application.Status.APPROVED);
    }

    @Test
    void admittedClosesThePendingAdmission() {
        Application application = submitted();
        application.approve("member", "LIGHT-2026-0042", "secretary-1", DECIDED);

        application.admitted();

        assertThat(application.admission()).isEqualTo(Application.Admission.DONE);
    }
}
