package com.brandcluster.membership.application;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.time.Instant;
import java.util.List;

interface ApplicationRepository extends MongoRepository<Application, String> {

    List<Application> findByClusterIdAndStatus(String clusterId, Application.Status status, Sort sort);

    List<Application> findByClusterId(String clusterId, Sort sort);

    List<Application> findByEnterpriseIdAndStatus(String enterpriseId, Application.Status status, Sort sort);

    List<Application> findByEnterpriseId(String enterpriseId, Sort sort);

    List<Application> findByAdmissionAndDecidedAtBefore(Application.Admission admission, Instant before);
}
