package com.brandcluster.membership.membership;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;
import java.util.Optional;

interface MembershipRepository extends MongoRepository<Membership, String> {

    Optional<Membership> findByClusterIdAndEnterpriseId(String clusterId, String enterpriseId);

    List<Membership> findByClusterIdOrderByMemberNumber(String clusterId);

    boolean existsByClusterIdAndEnterpriseIdAndStatusNot(String clusterId, String enterpriseId, Membership.Status status);

    Optional<Membership> findByMemberNumber(String memberNumber);

    List<Membership> findByEnterpriseIdOrderByClusterId(String enterpriseId);
}
