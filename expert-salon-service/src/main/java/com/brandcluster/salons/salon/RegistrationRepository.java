package com.brandcluster.salons.salon;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.time.Instant;
import java.util.List;

interface RegistrationRepository extends MongoRepository<Registration, String> {

    List<Registration> findBySalonIdAndStatus(String salonId, Registration.Status status, Sort sort);

    List<Registration> findByStatusAndOfferExpiresAtLessThanEqual(Registration.Status status, Instant at);
}
