package com.brandcluster.salons.expert;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.MergePatch;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.Set;

/**
 * The expert edits their own profile with a PATCH: a JSON merge patch (RFC 7396) on the top-level properties. The
 * body is read as a tree so that an absent property can be told from a {@code null} one: each property is checked
 * against the editable ones (an unknown one, or the id, is a 400 naming it), the patch is merged onto the current
 * profile, and the result is bound strictly and validated as a whole {@link ExpertRequests.ProfileInput}. Nothing is
 * stored unless all of it is valid. The write is guarded by the document's version; a write that lost a race is
 * merged again onto the fresh profile.
 */
@Service
class ExpertProfiles {

    private static final Logger log = LoggerFactory.getLogger(ExpertProfiles.class);
    private static final int ATTEMPTS = 3;
    static final Set<String> EDITABLE = Set.of("name", "title", "organisation", "bio", "topics", "languages",
            "timeZone", "clusters");
    static final Set<String> IMMUTABLE = Set.of("id", "createdAt", "updatedAt");

    private final Experts experts;
    private final ExpertRepository repository;
    private final MergePatch mergePatch;
    private final Clock clock;

    ExpertProfiles(Experts experts, ExpertRepository repository, JsonMapper json, Validator validator, Clock clock) {
        this.experts = experts;
        this.repository = repository;
        this.mergePatch = new MergePatch(json, validator);
        this.clock = clock;
    }

    Expert patch(String expertId, JsonNode patch, Caller caller) {
        if (!caller.isExpert() || !expertId.equals(caller.subject())) {
            throw new ForbiddenException("Only the expert themself edits their profile.");
        }
        ObjectNode checked = mergePatch.check(patch, EDITABLE, IMMUTABLE, "an expert profile");
        for (int attempt = 1; ; attempt++) {
            Expert expert = experts.get(expertId);
            Expert.Profile profile = merged(expert.profile(), checked);
            if (!expert.update(profile, clock.instant())) {
                return expert;
            }
            try {
                Expert saved = repository.save(expert);
                log.info("Profile of expert {} updated", expertId);
                return saved;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("concurrent-change", "Changed concurrently",
                            "The profile was changed at the same moment; reload it and try again.");
                }
            }
        }
    }

    private Expert.Profile merged(Expert.Profile current, ObjectNode patch) {
        return mergePatch.merge(ExpertRequests.ProfileInput.of(current), patch, ExpertRequests.ProfileInput.class).profile();
    }
}
