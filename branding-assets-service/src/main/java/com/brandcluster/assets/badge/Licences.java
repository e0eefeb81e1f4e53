package com.brandcluster.assets.badge;

import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.membership.MemberStandings;
import com.brandcluster.platform.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/** Issues one licence per membership and checks licences against the live standing. */
@Service
class Licences {

    private static final int ID_BYTES = 20;

    private final MongoOperations mongo;
    private final MemberStandings standings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Licences(MongoOperations mongo, MemberStandings standings, Clock clock) {
        this.mongo = mongo;
        this.standings = standings;
        this.clock = clock;
    }

    /**
     * The membership's licence, issued with its first badge. Parallel first downloads race on the unique index: the
     * loser reads the winner's licence, so a membership never has two.
     */
    Licence issueFor(BadgeHolder holder) {
        Query membership = Query.query(Criteria.where("clusterId").is(holder.clusterId())
                .and("enterpriseId").is(holder.enterpriseId()));
        Licence existing = mongo.findOne(membership, Licence.class);
        if (existing != null) {
            return existing;
        }
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        try {
            return mongo.insert(new Licence(Base64.getUrlEncoder().withoutPadding().encodeToString(id),
                    holder.clusterId(), holder.enterpriseId(), holder.enterpriseName(), holder.memberNumber(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        } catch (DuplicateKeyException lostRace) {
            return mongo.findOne(membership, Licence.class);
        }
    }

    /** A licence and what it is worth now. */
    record Check(Licence licence, LicenceStatus status, Instant checkedAt) {
    }

    Check check(String licenceId) {
        Licence licence = mongo.findById(licenceId, Licence.class);
        if (licence == null) {
            throw new NotFoundException("Licence", licenceId);
        }
        MemberStanding standing = standings.of(licence.clusterId(), licence.enterpriseId()).orElse(null);
        return new Check(licence, LicenceStatus.of(standing), clock.instant());
    }
}
