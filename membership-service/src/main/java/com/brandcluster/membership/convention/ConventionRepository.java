package com.brandcluster.membership.convention;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface ConventionRepository extends MongoRepository<Convention, String> {

    List<Convention> findByClusterIdOrderByNumberDesc(String clusterId);

    Optional<Convention> findFirstByClusterIdOrderByNumberDesc(String clusterId);

    /** The cluster's current convention: the one adopted last (it supersedes any other still marked ADOPTED). */
    Optional<Convention> findFirstByClusterIdAndStatusOrderByAdoptedAtDesc(String clusterId, Convention.Status status);

    List<Convention> findByClusterIdAndStatus(String clusterId, Convention.Status status);

    List<Convention> findByStatusAndBallotClosesAtBefore(Convention.Status status, Instant before);

    List<Convention> findBySupersessionAndAdoptedAtBefore(Convention.Supersession supersession, Instant before);
}
