package com.brandcluster.membership.privacy;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.time.Instant;
import java.util.List;

interface ErasureRequestRepository extends MongoRepository<ErasureRequest, String> {

    List<ErasureRequest> findTop50ByStateAndRequestedAtBefore(ErasureRequest.State state, Instant before);
}
