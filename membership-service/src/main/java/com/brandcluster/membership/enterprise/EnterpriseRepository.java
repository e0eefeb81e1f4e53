package com.brandcluster.membership.enterprise;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Optional;

public interface EnterpriseRepository extends MongoRepository<Enterprise, String> {

    /** A registration of this user whose Keycloak link is still to be written. */
    Optional<Enterprise> findFirstByRegisteredByAndLinkedAtIsNull(String userId);
}
