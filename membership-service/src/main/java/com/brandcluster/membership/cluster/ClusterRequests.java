package com.brandcluster.membership.cluster;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What clients send to the cluster endpoints, and what they get back. */
@NullMarked
final class ClusterRequests {

    private ClusterRequests() {
    }

    record Create(
            @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a slug: lower-case letters, digits and hyphens") String id,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String industry,
            @NotBlank @Size(max = 100) String region,
            @Size(max = 4000) @Nullable String description,
            @PastOrPresent @Nullable LocalDate foundedOn,
            @Pattern(regexp = "[A-Z0-9]{2,8}", message = "must be 2 to 8 capital letters or digits") @Nullable String memberNumberPrefix,
            @NotEmpty @Size(max = 10) List<@Valid @NotNull TierInput> tiers) {
    }

    record TierInput(
            @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,29}", message = "must be a slug") String code,
            @NotBlank @Size(max = 100) String name,
            @Min(1) @Max(100) int rank,
            @NotNull @DecimalMin("0") BigDecimal annualFee,
            @Min(0) @Max(10_000) int consultationHoursPerYear,
            @Min(0) @Max(1_000) int seatsPerEvent,
            @Min(0) @Max(100) int assetAccessRank) {

        Tier toTier() {
            return new Tier(code, name, rank, annualFee, consultationHoursPerYear, seatsPerEvent, assetAccessRank);
        }
    }

    /** The whole new tier list, replacing the current one; {@code reason} goes to the audit trail. */
    record TiersUpdate(
            @NotEmpty @Size(max = 10) List<@Valid @NotNull TierInput> tiers,
            @Size(max = 500) @Nullable String reason) {
    }

    /**
     * The whole new secretariat: users by username or e-mail (an empty list leaves the cluster without one);
     * {@code reason} goes to the audit trail.
     */
    record Appointment(
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = 254) String> users,
            @Size(max = 500) @Nullable String reason) {
    }

    /** The secretariat; {@code changeInProgress} while a change is being written to the identity service. */
    record SecretariatView(String clusterId, List<Member> members, boolean changeInProgress) {

        record Member(String userId, String username, @Nullable String email, @Nullable String locale, Instant since) {
        }

        static SecretariatView of(Cluster c) {
            return new SecretariatView(c.id(), c.secretariat().stream()
                    .map(m -> new Member(m.userId(), m.username(), m.email(), m.locale(), m.since())).toList(),
                    c.pendingSecretariat().isPresent());
        }
    }

    record ClusterView(String id, String name, String industry, String region, @Nullable String description,
                       @Nullable LocalDate foundedOn, String memberNumberPrefix, String status, List<Tier> tiers) {

        static ClusterView of(Cluster c) {
            return new ClusterView(c.id(), c.name(), c.industry(), c.region(), c.description(), c.foundedOn(),
                    c.memberNumberPrefix(), c.status().name(), c.tiers());
        }
    }
}
