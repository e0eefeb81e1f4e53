package com.brandcluster.salons.salon;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.time.Instant;
import java.util.List;

interface RegistrationRepository extends MongoRepository<Registration, String> {

    List<Registration> findBySalonIdAndStatus(String salonId, Registration.Status status, Sort sort);

    Page<Registration> findBySalonId(String salonId, Pageable pageable);

    Page<Registration> findBySalonIdAndFlagIsNotNull(String salonId, Pageable pageable);

    Page<Registration> findByEnterpriseId(String enterpriseId, Pageable pageable);

    Page<Registration> findByEnterpriseIdAndSalonId(String enterpriseId, String salonId, Pageable pageable);

    List<Registration> findByStatusAndOfferExpiresAtLessThanEqual(Registration.Status status, Instant at);
}
