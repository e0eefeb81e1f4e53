package com.brandcluster.events.registration;

import com.brandcluster.platform.web.ConflictException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

interface RegistrationRepository extends MongoRepository<Registration, String> {

    /** Saves a change, or answers 409 if somebody else changed the registration since it was read. */
    default Registration saveChange(Registration registration) {
        try {
            return save(registration);
        } catch (OptimisticLockingFailureException lostRace) {
            throw new ConflictException("concurrent-change", "Changed concurrently",
                    "The registration was changed by someone else at the same moment; reload it and try again.");
        }
    }

    /** How often a change the service makes on its own is tried again on a registration changed meanwhile. */
    int SYSTEM_ATTEMPTS = 5;

    /**
     * A change the service makes on its own, with no caller to answer a conflict: applied to the freshest
     * registration and saved, and applied again if somebody changed the registration in between. {@code change}
     * returns false when there is nothing (left) to do.
     *
     * @return the saved registration with the state it left; empty if there was nothing to do
     */
    default Optional<Changed> changeOnItsOwn(String registrationId, Predicate<Registration> change) {
        for (int attempt = 1; ; attempt++) {
            Registration registration = get(registrationId);
            Registration.Status before = registration.status();
            if (!change.test(registration)) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Changed(save(registration), before));
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                if (attempt == SYSTEM_ATTEMPTS) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    record Changed(Registration registration, Registration.Status before) {
    }

    default Registration get(String registrationId) {
        return findById(registrationId).orElseThrow(() -> new RegistrationNotFoundException(registrationId));
    }

    List<Registration> findByExchangeEventIdAndStatus(String eventId, Registration.Status status, Sort sort);

    List<Registration> findByExchangeEventIdAndStatusIn(String eventId, Collection<Registration.Status> statuses);

    List<Registration> findByClusterIdAndEnterpriseIdAndStatusIn(String clusterId, String enterpriseId,
                                                                 Collection<Registration.Status> statuses);

    List<Registration> findByStatusAndOfferExpiresAtLessThanEqual(Registration.Status status, Instant at);

    boolean existsByExchangeEventIdAndEnterpriseIdAndStatus(String eventId, String enterpriseId,
                                                            Registration.Status status);

    boolean existsByExchangeEventIdAndEnterpriseId(String eventId, String enterpriseId);

    Page<Registration> findByExchangeEventId(String eventId, Pageable pageable);

    Page<Registration> findByExchangeEventIdAndStatus(String eventId, Registration.Status status, Pageable pageable);

    Page<Registration> findByExchangeEventIdAndEnterpriseId(String eventId, String enterpriseId, Pageable pageable);

    Page<Registration> findByExchangeEventIdAndEnterpriseIdAndStatus(String eventId, String enterpriseId,
                                                                     Registration.Status status, Pageable pageable);
}
