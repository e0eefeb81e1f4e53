package com.brandcluster.salons.salon;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

@NullMarked
final class SalonRequests {

    private SalonRequests() {
    }

    /** Times are local date-times in {@code timeZone}, an IANA zone id. */
    record Create(@NotBlank @Size(max = 200) String theme,
                  @NotBlank @Size(max = 200) String title,
                  @Size(max = 10000) @Nullable String description,
                  @Size(max = 20) @Nullable List<@NotBlank @Size(max = 100) String> expertIds,
                  @NotNull LocalDateTime startsAt,
                  @NotNull LocalDateTime endsAt,
                  @NotBlank @Size(max = 64) String timeZone,
                  @Size(max = 500) @Nullable String venue,
                  @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https link") @Nullable String onlineLink,
                  @NotNull @Min(1) @Max(100000) Integer capacity,
                  @NotNull @Min(1) @Max(1000) Integer seatsPerEnterprise,
                  @NotNull LocalDateTime registrationOpensAt,
                  @NotNull LocalDateTime registrationClosesAt) {
    }

    record AttendeeRequest(@NotBlank @Size(max = 200) String name,
                           @Email @Size(max = 320) @Nullable String email,
                           @Size(max = 200) @Nullable String position) {
    }

    record Register(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid AttendeeRequest> attendees) {
    }

    record SalonView(String id, String clusterId, String theme, String title, @Nullable String description,
                     List<String> expertIds, Instant startsAt, Instant endsAt, String timeZone,
                     LocalDateTime localStartsAt, LocalDateTime localEndsAt, @Nullable String venue,
                     @Nullable String onlineLink,
                     int capacity, int seatsPerEnterprise, int seatsTaken, int seatsAvailable,
                     Instant registrationOpensAt, Instant registrationClosesAt, String status) {

        static SalonView of(Salon s) {
            ZoneId zone = ZoneId.of(s.timeZone());
            return new SalonView(s.id(), s.clusterId(), s.theme(), s.title(), s.description(), s.expertIds(),
                    s.startsAt(), s.endsAt(), s.timeZone(), LocalDateTime.ofInstant(s.startsAt(), zone),
                    LocalDateTime.ofInstant(s.endsAt(), zone), s.venue(), s.onlineLink(), s.capacity(),
                    s.seatsPerEnterprise(), s.seatsTaken(), Math.max(0, s.capacity() - s.seatsTaken()),
                    s.registrationOpensAt(), s.registrationClosesAt(), s.status().name());
        }
    }

    record RegistrationView(String id, String salonId, String clusterId, String enterpriseId,
                            List<Registration.Attendee> attendees, String status, Instant registeredAt,
                            @Nullable Instant waitlistedAt, @Nullable Instant offerExpiresAt,
                            Registration.@Nullable Flag flag,
                            List<Registration.Change> history) {

        static RegistrationView of(Registration r) {
            return new RegistrationView(r.id(), r.salonId(), r.clusterId(), r.enterpriseId(), r.attendees(),
                    r.status().name(), r.registeredAt(), r.waitlistedAt(), r.offerExpiresAt(), r.flag(), r.history());
        }
    }
}
