package com.brandcluster.salons.salon;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

interface SalonRepository extends MongoRepository<Salon, String> {

    Page<Salon> findByClusterIdAndStatus(String clusterId, Salon.Status status, Pageable pageable);

    List<Salon> findByClusterIdInAndStatusAndStartsAtAfter(Collection<String> clusterIds, Salon.Status status,
                                                           Instant startsAfter, Sort sort);
}
