package com.brandcluster.membership.standard;

import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.UnprocessableException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StandardAdoptionTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-05-20");
    private static final Instant NOW = Instant.parse("2026-05-20T02:00:00Z");

    private static StandardAdoption declared() {
        return StandardAdoption.declare("a1", "zhejiang-made", "m1", "ent-robam", StandardCode.parse("T/ZZB 0017-2016"),
                "Range hoods", StandardAdoption.Kind.B, TODAY.minusDays(30), "Test report 2026-17",
                "https://example.com/report.pdf", "user-1", NOW);
    }

    private static StandardAdoption certifiedUntil(LocalDate expiresOn) {
        StandardAdoption adoption = declared();
        adoption.certify("ZZB-2026-000318", "Zhejiang Made Certification Alliance", expiresOn, TODAY, "secretary-1",
                NOW.plusSeconds(60));
        return adoption;
    }

    @Test
    void startsSelfDeclaredAtVersionOne() {
        StandardAdoption adoption = declared();

        assertThat(adoption.statusOn(TODAY)).isEqualTo(StandardAdoption.Status.SELF_DECLARED);
        assertThat(adoption.certificationOn(TODAY)).isEmpty();
        assertThat(adoption.version()).isEqualTo(1);
        assertThat(adoption.code()).isEqualTo("T/ZZB 0017-2016");
    }

    @Test
    void certifyingRecordsTheCertificateAndIncreasesTheVersion() {
        StandardAdoption adoption = certifiedUntil(TODAY.plusYears(3));

        assertThat(adoption.statusOn(TODAY)).isEqualTo(StandardAdoption.Status.CERTIFIED);
        assertThat(adoption.certificationOn(TODAY)).hasValueSatisfying(c -> {
            assertThat(c.certificateNumber()).isEqualTo("ZZB-2026-000318");
            assertThat(c.recordedBy()).isEqualTo("secretary-1");
            assertThat(c.expiresOn()).isEqualTo(TODAY.plusYears(3));
        });
        assertThat(adoption.version()).isEqualTo(2);
        assertThat(adoption.history()).extracting(StandardAdoption.Change::status)
                .containsExactly(StandardAdoption.Status.SELF_DECLARED, StandardAdoption.Status.CERTIFIED);
    }

    @Test
    void refusesACertificateThatDoesNotExpireAfterToday() {
        StandardAdoption adoption = declared();

        for (LocalDate expiresOn : new LocalDate[]{TODAY, TODAY.minusDays(1)}) {
            assertThatExceptionOfType(UnprocessableException.class)
                    .isThrownBy(() -> adoption.certify("N-1", "Body", expiresOn, TODAY, "secretary-1", NOW))
                    .satisfies(e -> assertThat(e.type()).isEqualTo("certificate-expired"));
        }
        assertThat(adoption.statusOn(TODAY)).isEqualTo(StandardAdoption.Status.SELF_DECLARED);
        assertThat(adoption.version()).isEqualTo(1);
    }

    @Test
    void refusesToCertifyAnAdoptionWhoseCertificateIsValid() {
        StandardAdoption adoption = certifiedUntil(TODAY.plusYears(1));

        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> adoption.certify("N-2", "Other body", TODAY.plusYears(2), TODAY, "secretary-2", NOW))
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo("standard-certified");
                    assertThat(e.properties()).containsEntry("currentState", "CERTIFIED");
                });
        assertThat(adoption.certificationOn(TODAY).orElseThrow().certificateNumber()).isEqualTo("ZZB-2026-000318");
        assertThat(adoption.version()).isEqualTo(2);
    }

    @Test
    void aCertificateIsValidThroughItsExpiryDayAndCountsAsSelfDeclaredAfterIt() {
        StandardAdoption adoption = certifiedUntil(TODAY.plusDays(10));
        LocalDate expiryDay = TODAY.plusDays(10);

        assertThat(adoption.statusOn(expiryDay)).isEqualTo(StandardAdoption.Status.CERTIFIED);
        assertThat(adoption.statusOn(expiryDay.plusDays(1))).isEqualTo(StandardAdoption.Status.SELF_DECLARED);
        assertThat(adoption.certificationOn(expiryDay.plusDays(1))).isEmpty();
        assertThat(adoption.pastCertificationsOn(expiryDay.plusDays(1))).extracting(StandardAdoption.Certification::certificateNumber)
                .containsExactly("ZZB-2026-000318");
        assertThat(adoption.storedStatus()).isEqualTo(StandardAdoption.Status.CERTIFIED);
    }

    @Test
    void expiringWritesDownAnExpiredCertificateOnce() {
        StandardAdoption adoption = certifiedUntil(TODAY.plusDays(10));
        LocalDate later = TODAY.plusDays(11);

        assertThat(adoption.expire(later, NOW.plusSeconds(86_400 * 11))).isTrue();
        assertThat(adoption.expire(later, NOW.plusSeconds(86_400 * 11))).isFalse();

        assertThat(adoption.storedStatus()).isEqualTo(StandardAdoption.Status.SELF_DECLARED);
        assertThat(adoption.storedCertification()).isNull();
        assertThat(adoption.pastCertificationsOn(later)).hasSize(1);
        assertThat(adoption.version()).isEqualTo(3);
        assertThat(adoption.history().getLast().by()).isEqualTo(StandardAdoption.SYSTEM);
        assertThat(adoption.history().getLast().note()).contains("ZZB-2026-000318");
    }

    @Test
    void doesNotExpireAValidCertificateOrASelfDeclaration() {
        StandardAdoption certified = certifiedUntil(TODAY.plusDays(10));
        StandardAdoption selfDeclared = declared();

        assertThat(certified.expire(TODAY.plusDays(10), NOW)).isFalse();
        assertThat(selfDeclared.expire(TODAY.plusYears(5), NOW)).isFalse();
        assertThat(certified.version()).isEqualTo(2);
        assertThat(selfDeclared.version()).isEqualTo(1);
    }

    @Test
    void anExpiredCertificateIsReplacedByANewOneEvenBeforeTheJobWroteItDown() {
        StandardAdoption adoption = certifiedUntil(TODAY.plusDays(10));
        LocalDate later = TODAY.plusDays(30);

        adoption.certify("ZZB-2026-000999", "Zhejiang Made Certification Alliance", later.plusYears(3), later,
                "secretary-1", NOW.plusSeconds(86_400 * 30));

        assertThat(adoption.statusOn(later)).isEqualTo(StandardAdoption.Status.CERTIFIED);
        assertThat(adoption.certificationOn(later).orElseThrow().certificateNumber()).isEqualTo("ZZB-2026-000999");
        assertThat(adoption.pastCertificationsOn(later)).extracting(StandardAdoption.Certification::certificateNumber)
                .containsExactly("ZZB-2026-000318");
        assertThat(adoption.history()).extracting(StandardAdoption.Change::status).containsExactly(
                StandardAdoption.Status.SELF_DECLARED, StandardAdoption.Status.CERTIFIED,
                StandardAdoption.Status.SELF_DECLARED, StandardAdoption.Status.CERTIFIED);
        assertThat(adoption.version()).isEqualTo(4);
    }
}
