package com.brandcluster.salons.salon;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/** Creating and reading salons. Only the secretariat of a salon's cluster creates it; published salons are public. */
@Service
public class Salons {

    private static final Logger log = LoggerFactory.getLogger(Salons.class);

    private final SalonRepository salons;
    private final Clock clock;

    Salons(SalonRepository salons, Clock clock) {
        this.salons = salons;
        this.clock = clock;
    }

    Salon create(String clusterId, SalonRequests.Create request, Caller caller) {
        if (!caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the secretariat of cluster '" + clusterId + "' creates its salons.");
        }
        ZoneId zone = zone(request.timeZone());
        Salon salon = Salon.publish(new ObjectId().toHexString(), clusterId, request.theme(), request.title(),
                request.description(), request.expertIds(), instant(request.startsAt(), zone, "start"),
                instant(request.endsAt(), zone, "end"), zone, request.venue(), request.onlineLink(),
                request.capacity(), request.seatsPerEnterprise(),
                instant(request.registrationOpensAt(), zone, "registration opening"),
                instant(request.registrationClosesAt(), zone, "registration closing"), caller.subject(),
                clock.instant());
        Salon saved = salons.insert(salon);
        log.info("Salon {} published in cluster {}", saved.id(), clusterId);
        return saved;
    }

    Page<Salon> ofCluster(String clusterId, int page, int size) {
        PageRequest request = PageRequest.of(page, size,
                Sort.by("startsAt").ascending().and(Sort.by("id")));
        return salons.findByClusterIdAndStatus(clusterId, Salon.Status.PUBLISHED, request);
    }

    /** The salon, or 404. */
    public Salon get(String salonId) {
        return salons.findById(salonId).orElseThrow(() -> new SalonNotFoundException(salonId));
    }

    /** The published salons of these clusters that start after {@code instant}, soonest first. */
    public List<Salon> startingAfter(Collection<String> clusterIds, Instant instant) {
        return salons.findByClusterIdInAndStatusAndStartsAtAfter(clusterIds, Salon.Status.PUBLISHED, instant,
                Sort.by("startsAt").ascending().and(Sort.by("id")));
    }

    /** An IANA region id; offsets and unknown ids are refused. */
    static ZoneId zone(String id) {
        if (id == null || !ZoneId.getAvailableZoneIds().contains(id)) {
            throw new UnknownTimeZoneException(id);
        }
        return ZoneId.of(id);
    }

    /** A local time that does not exist in the zone (skipped by a DST change) is refused rather than shifted. */
    private static Instant instant(LocalDateTime local, ZoneId zone, String what) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw new InvalidSalonException("The " + what + " time " + local + " does not exist in " + zone.getId()
                    + " (the clocks skip it).");
        }
        return local.atZone(zone).toInstant();
    }
}
