package com.brandcluster.membership.standard;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What clients send to the standards endpoints, and what they get back. */
@NullMarked
final class StandardRequests {

    private StandardRequests() {
    }

    /** A member's declaration; {@code declaredOn} (the day it adopted the standard) defaults to today. */
    record Declare(@NotNull @Size(max = StandardCode.MAX_LENGTH) @ValidStandardCode String code,
                   @NotBlank @Size(max = 300) String title,
                   @NotNull StandardAdoption.Kind kind,
                   @PastOrPresent @Nullable LocalDate declaredOn,
                   @Size(max = 4000) @Nullable String evidence,
                   @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @Nullable String evidenceUrl) {
    }

    /** The certificate the secretariat records; it must expire in the future. */
    record Certify(@NotBlank @Size(max = 100) String certificateNumber,
                   @NotBlank @Size(max = 200) String certificationBody,
                   @NotNull @Future LocalDate expiresOn) {
    }

    record CertificationView(String certificateNumber, String certificationBody, LocalDate expiresOn,
                             Instant recordedAt) {

        static CertificationView of(StandardAdoption.Certification c) {
            return new CertificationView(c.certificateNumber(), c.body(), c.expiresOn(), c.recordedAt());
        }
    }

    /**
     * An adoption as its enterprise and the secretariat see it. {@code status} is the status today: a certificate
     * that has expired shows as SELF_DECLARED (and among {@code pastCertifications}) even before the expiry job ran.
     */
    record AdoptionView(String id, String clusterId, String enterpriseId, String code, String title, String kind,
                        LocalDate declaredOn, @Nullable String evidence, @Nullable String evidenceUrl, String status,
                        @Nullable CertificationView certification, List<CertificationView> pastCertifications,
                        Instant declaredAt, long version, List<StandardAdoption.Change> history) {

        static AdoptionView of(StandardAdoption a, LocalDate today) {
            return new AdoptionView(a.id(), a.clusterId(), a.enterpriseId(), a.code(), a.title(), a.kind().name(),
                    a.declaredOn(), a.evidence(), a.evidenceUrl(), a.statusOn(today).name(),
                    a.certificationOn(today).map(CertificationView::of).orElse(null),
                    a.pastCertificationsOn(today).stream().map(CertificationView::of).toList(),
                    a.declaredAt(), a.version(), a.history());
        }
    }
}
