package com.brandcluster.membership.officer;

import org.springframework.data.mongodb.repository.MongoRepository;

interface OfficerSlateRepository extends MongoRepository<OfficerSlate, String> {
}
