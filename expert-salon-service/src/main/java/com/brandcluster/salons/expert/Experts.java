package com.brandcluster.salons.expert;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Expert profiles: finding them (for everyone, and for the other features of this service) and the expert's own
 * creation of theirs. A second creation for the same subject loses on the primary key (an insert, never an upsert):
 * a 409, whatever the concurrency.
 */
@Service
public class Experts {

    private final ExpertRepository experts;
    private final MongoTemplate mongo;
    private final Clock clock;

    Experts(ExpertRepository experts, MongoTemplate mongo, Clock clock) {
        this.experts = experts;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The expert, or 404. */
    public Expert get(String expertId) {
        return experts.findById(expertId).orElseThrow(() -> new ExpertNotFoundException(expertId));
    }

    Expert create(Expert.Profile profile, Caller caller) {
        if (!caller.isExpert()) {
            throw new ForbiddenException("Only a user with the expert role creates an expert profile.");
        }
        Expert expert = Expert.create(caller.subject(), profile, clock.instant());
        try {
            return mongo.insert(expert);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("expert-exists", "Expert profile exists",
                    "This user already has an expert profile; edit it with PATCH /api/salons/experts/"
                            + caller.subject() + ".");
        }
    }

    /**
     * Experts with all the given criteria (each optional): a topic of theirs, a cluster they serve, a language they
     * speak (compared by primary language: {@code zh} and {@code zh-CN} both find an expert speaking {@code zh-TW}).
     * Ordered by name, then id.
     */
    Page<Expert> find(Topic topic, String clusterId, String language, Pageable pageable) {
        List<Criteria> criteria = new ArrayList<>();
        if (topic != null) {
            criteria.add(Criteria.where("topics").is(topic));
        }
        if (clusterId != null) {
            criteria.add(Criteria.where("clusters").is(clusterId));
        }
        if (language != null) {
            criteria.add(Criteria.where("languageCodes").is(language.toLowerCase(Locale.ROOT)));
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, Expert.class);
        List<Expert> content = mongo.find(query.with(pageable), Expert.class);
        return new PageImpl<>(content, pageable, total);
    }
}
