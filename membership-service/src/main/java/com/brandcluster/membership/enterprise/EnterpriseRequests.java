package com.brandcluster.membership.enterprise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@NullMarked
final class EnterpriseRequests {

    private EnterpriseRequests() {
    }

    record Register(
            @NotBlank @Size(max = 200) String legalName,
            @NotNull @ValidCreditCode String creditCode,
            @NotBlank @Size(max = 100) String region,
            @NotBlank @Size(max = 100) String industry,
            @Pattern(regexp = "MICRO|SMALL|MEDIUM|LARGE", message = "must be MICRO, SMALL, MEDIUM or LARGE") @Nullable String size,
            @Size(max = 300) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @Nullable String website,
            @Size(max = 50) @Nullable List<@NotBlank @Size(max = 100) String> trademarks,
            @Size(max = 20) @Nullable List<@Valid @NotNull ContactInput> contacts) {

        Enterprise.Profile profile() {
            return new ProfileInput(legalName, region, industry, size, website, trademarks, contacts).profile();
        }
    }

    /**
     * The editable profile, whole: a PATCH is merged onto the current profile (JSON merge patch, RFC 7396, on the top
     * level: an absent property stays, {@code null} clears it, a list replaces the list) and the result is validated
     * as this record. The credit code is not part of it.
     */
    record ProfileInput(
            @NotBlank @Size(max = 200) String legalName,
            @NotBlank @Size(max = 100) String region,
            @NotBlank @Size(max = 100) String industry,
            @Pattern(regexp = "MICRO|SMALL|MEDIUM|LARGE", message = "must be MICRO, SMALL, MEDIUM or LARGE") @Nullable String size,
            @Size(max = 300) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @Nullable String website,
            @Size(max = 50) @Nullable List<@NotBlank @Size(max = 100) String> trademarks,
            @Size(max = 20) @Nullable List<@Valid @NotNull ContactInput> contacts) {

        static ProfileInput of(Enterprise.Profile profile) {
            return new ProfileInput(profile.legalName(), profile.region(), profile.industry(), profile.size(),
                    profile.website(), profile.trademarks(),
                    profile.contacts().stream().map(c -> new ContactInput(c.name(), c.role(), c.email(), c.phone())).toList());
        }

        Enterprise.Profile profile() {
            return new Enterprise.Profile(legalName.strip(), region, industry, size, website,
                    Objects.requireNonNullElse(trademarks, List.of()),
                    Objects.requireNonNullElse(contacts, List.<ContactInput>of()).stream()
                            .map(c -> new Enterprise.Contact(c.name(), c.role(), c.email(), c.phone())).toList());
        }
    }

    record ContactInput(@NotBlank @Size(max = 100) String name, @Size(max = 100) @Nullable String role,
                        @Email @Size(max = 200) @Nullable String email, @Size(max = 40) @Nullable String phone) {
    }

    record EnterpriseView(String id, String legalName, String creditCode, String region, String industry,
                          @Nullable String size, @Nullable String website, List<String> trademarks,
                          List<Enterprise.Contact> contacts,
                          Instant registeredAt) {

        static EnterpriseView of(Enterprise e) {
            return new EnterpriseView(e.id(), e.legalName(), e.creditCode(), e.region(), e.industry(), e.size(),
                    e.website(), e.trademarks(), e.contacts(), e.registeredAt());
        }
    }

    /** The registration result: the next token of this user carries {@code enterprise_id}; refresh it. */
    record Registered(EnterpriseView enterprise, boolean tokenRefreshRequired) {
    }

    /** An admin invites a person by e-mail, as ADMIN or STAFF of the enterprise. */
    record Invite(@NotBlank @Email(regexp = ".+@.+\\..+", message = "must be an e-mail address") @Size(max = 254) String email,
                  @NotNull Enterprise.UserRole role) {
    }

    record RoleChange(@NotNull Enterprise.UserRole role) {
    }

    /**
     * A colleague: ACTIVE, INVITING (their Keycloak link is being written) or LEAVING (being removed).
     */
    record ColleagueView(String userId, @Nullable String email, Enterprise.UserRole role, @Nullable Instant since,
                        String status) {

        static List<ColleagueView> of(Enterprise e) {
            List<ColleagueView> views = new ArrayList<>();
            for (Enterprise.Colleague c : e.users()) {
                views.add(of(c, e.pendingUnlink(c.userId()).isPresent() ? "LEAVING" : "ACTIVE"));
            }
            for (Enterprise.PendingLink p : e.pendingLinks()) {
                if (!p.withdrawn()) {
                    views.add(new ColleagueView(p.userId(), p.email(), p.role(), null, "INVITING"));
                }
            }
            return List.copyOf(views);
        }

        static ColleagueView of(Enterprise.Colleague c, String status) {
            return new ColleagueView(c.userId(), c.email(), c.role(), c.since(), status);
        }
    }
}
