package com.brandcluster.salons.salon;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A themed salon a cluster's secretariat holds. Times are stored as UTC instants with the IANA zone they were given
 * in. {@code seatsTaken} counts the seats held by confirmed registrations and open waitlist offers; it changes only by
 * a conditional {@code $inc} ({@link SeatLedger}, pattern 3), so it never exceeds {@code capacity}.
 */
@Document("salons")
@CompoundIndex(name = "cluster_status_starts", def = "{'clusterId': 1, 'status': 1, 'startsAt': 1}")
@CompoundIndex(name = "status_starts", def = "{'status': 1, 'startsAt': 1, '_id': 1}")
public class Salon {

    public enum Status { PUBLISHED }

    @Id
    private String id;
    private String clusterId;
    private String theme;
    private String title;
    private String description;
    private List<String> expertIds;
    private Instant startsAt;
    private Instant endsAt;
    private String timeZone;
    private String venue;
    private String onlineLink;
    private int capacity;
    private int seatsPerEnterprise;
    private Instant registrationOpensAt;
    private Instant registrationClosesAt;
    private int seatsTaken;
    private Status status;
    private Instant createdAt;
    private String createdBy;

    protected Salon() {
    }

    /** Checks every invariant of a new salon; a violated one is a 422 ({@link InvalidSalonException}). */
    static Salon publish(String id, String clusterId, String theme, String title, String description,
                         List<String> expertIds, Instant startsAt, Instant endsAt, ZoneId zone, String venue,
                         String onlineLink, int capacity, int seatsPerEnterprise, Instant registrationOpensAt,
                         Instant registrationClosesAt, String by, Instant now) {
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidSalonException("The salon must end after it starts.");
        }
        if (!startsAt.isAfter(now)) {
            throw new InvalidSalonException("The salon must start in the future.");
        }
        if (capacity < 1) {
            throw new InvalidSalonException("The capacity must be at least 1.");
        }
        if (seatsPerEnterprise < 1 || seatsPerEnterprise > capacity) {
            throw new InvalidSalonException("Seats per enterprise must be between 1 and the capacity (" + capacity + ").");
        }
        if (!registrationClosesAt.isAfter(registrationOpensAt)) {
            throw new InvalidSalonException("Registration must close after it opens.");
        }
        if (registrationClosesAt.isAfter(startsAt)) {
            throw new InvalidSalonException("Registration must close before the salon starts.");
        }
        if (isBlank(venue) && isBlank(onlineLink)) {
            throw new InvalidSalonException("A salon needs a venue or an online link.");
        }
        Salon salon = new Salon();
        salon.id = id;
        salon.clusterId = clusterId;
        salon.theme = theme;
        salon.title = title;
        salon.description = description;
        salon.expertIds = expertIds == null ? List.of() : List.copyOf(expertIds);
        salon.startsAt = startsAt;
        salon.endsAt = endsAt;
        salon.timeZone = zone.getId();
        salon.venue = venue;
        salon.onlineLink = onlineLink;
        salon.capacity = capacity;
        salon.seatsPerEnterprise = seatsPerEnterprise;
        salon.registrationOpensAt = registrationOpensAt;
        salon.registrationClosesAt = registrationClosesAt;
        salon.seatsTaken = 0;
        salon.status = Status.PUBLISHED;
        salon.createdAt = now;
        salon.createdBy = by;
        return salon;
    }

    boolean isOpenForRegistration(Instant at) {
        return !at.isBefore(registrationOpensAt) && at.isBefore(registrationClosesAt);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public String id() {
        return id;
    }

    public String clusterId() {
        return clusterId;
    }

    public String theme() {
        return theme;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<String> expertIds() {
        return expertIds;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public String timeZone() {
        return timeZone;
    }

    public String venue() {
        return venue;
    }

    public String onlineLink() {
        return onlineLink;
    }

    public int capacity() {
        return capacity;
    }

    public int seatsPerEnterprise() {
        return seatsPerEnterprise;
    }

    public Instant registrationOpensAt() {
        return registrationOpensAt;
    }

    public Instant registrationClosesAt() {
        return registrationClosesAt;
    }

    public int seatsTaken() {
        return seatsTaken;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
