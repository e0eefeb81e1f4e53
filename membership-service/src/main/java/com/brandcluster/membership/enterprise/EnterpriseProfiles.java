package com.brandcluster.membership.enterprise;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.MergePatch;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * An admin of the enterprise edits its profile with a PATCH: a JSON merge patch ({@link MergePatch}) on the top-level
 * properties. A record cannot tell an absent property from a {@code null} one, so the body is read as a JSON tree:
 * every property is checked against the editable ones (an unknown one, or the credit code, is a 400 naming it), the
 * patch is merged onto the current profile, and the result is bound strictly (unknown nested properties refused)
 * and validated as a whole {@link EnterpriseRequests.ProfileInput}. Nothing is stored unless all of it is valid.
 */
@Service
class EnterpriseProfiles {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseProfiles.class);
    static final Set<String> EDITABLE = Set.of("legalName", "region", "industry", "size", "website", "trademarks",
            "contacts");
    static final Set<String> IMMUTABLE = Set.of("creditCode", "id");

    private final EnterpriseChanges changes;
    private final MergePatch mergePatch;
    private final Clock clock;

    EnterpriseProfiles(EnterpriseChanges changes, JsonMapper json, Validator validator, Clock clock) {
        this.changes = changes;
        this.mergePatch = new MergePatch(json, validator);
        this.clock = clock;
    }

    Enterprise patch(String enterpriseId, JsonNode patch, Caller caller) {
        if (!caller.actsFor(enterpriseId)) {
            throw new ForbiddenException("Only the enterprise's own admins edit its profile.");
        }
        if (!changes.get(enterpriseId).isAdmin(caller.subject())) {
            throw new ForbiddenException("Only an admin of the enterprise edits its profile.");
        }
        ObjectNode checked = mergePatch.check(patch, EDITABLE, IMMUTABLE, "an enterprise");
        return changes.change(enterpriseId, enterprise -> {
            Enterprise.Profile profile = merged(enterprise.profile(), checked);
            Instant now = clock.instant();
            if (enterprise.updateProfile(profile)) {
                changes.announceUpdated(enterprise, enterprise.version(), now);
                log.info("Profile of enterprise {} updated", enterpriseId);
            }
            return enterprise;
        });
    }

    private Enterprise.Profile merged(Enterprise.Profile current, ObjectNode patch) {
        return mergePatch.merge(EnterpriseRequests.ProfileInput.of(current), patch, EnterpriseRequests.ProfileInput.class)
                .profile();
    }
}
