package com.brandcluster.membership.standard;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

interface StandardAdoptionRepository extends MongoRepository<StandardAdoption, String> {

    List<StandardAdoption> findByClusterIdAndEnterpriseId(String clusterId, String enterpriseId, Sort sort);
}
