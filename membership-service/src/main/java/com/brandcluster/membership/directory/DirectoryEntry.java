package com.brandcluster.membership.directory;

import com.brandcluster.membership.enterprise.Enterprise;
import com.brandcluster.membership.standard.StandardAdoption;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A member as the directory shows it. Which fields are filled depends on who asks ({@link Directory.Visibility});
 * fields the caller may not see are left out of the JSON, not sent empty.
 *
 * <ul>
 * <li>everyone: enterprise id and name, member number, tier, region, industry, website, member since, and the
 * standards it holds a valid certificate for;</li>
 * <li>members of the cluster, besides: the contacts' names and roles, and every declared standard;</li>
 * <li>the cluster's secretariat, besides: membership id, status, validity, contacts' e-mail and phone.</li>
 * </ul>
 */
@NullMarked
@JsonInclude(JsonInclude.Include.NON_NULL)
record DirectoryEntry(String enterpriseId, String enterpriseName, String memberNumber, String tier, String region,
                      String industry, @Nullable String website, LocalDate memberSince,
                      @Nullable List<ContactView> contacts, List<StandardView> standards, @Nullable String membershipId,
                      @Nullable String status, @Nullable LocalDate validFrom, @Nullable LocalDate validUntil) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ContactView(String name, @Nullable String role, @Nullable String email, @Nullable String phone) {

        static ContactView namesOnly(Enterprise.Contact contact) {
            return new ContactView(contact.name(), contact.role(), null, null);
        }

        static ContactView full(Enterprise.Contact contact) {
            return new ContactView(contact.name(), contact.role(), contact.email(), contact.phone());
        }
    }

    /** A standard of the member: CERTIFIED with its certificate valid today, or SELF_DECLARED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StandardView(String code, String title, String kind, String status, LocalDate declaredOn,
                        @Nullable String certificateNumber, @Nullable String certificationBody,
                        @Nullable LocalDate expiresOn) {

        static StandardView of(StandardAdoption adoption, LocalDate today) {
            return adoption.certificationOn(today)
                    .map(c -> new StandardView(adoption.code(), adoption.title(), adoption.kind().name(),
                            StandardAdoption.Status.CERTIFIED.name(), adoption.declaredOn(), c.certificateNumber(),
                            c.body(), c.expiresOn()))
                    .orElseGet(() -> new StandardView(adoption.code(), adoption.title(), adoption.kind().name(),
                            StandardAdoption.Status.SELF_DECLARED.name(), adoption.declaredOn(), null, null, null));
        }
    }
}
