package com.brandcluster.salons.salon;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface SalonRepository extends MongoRepository<Salon, String> {

    Page<Salon> findByClusterIdAndStatus(String clusterId, Salon.Status status, Pageable pageable);
}
