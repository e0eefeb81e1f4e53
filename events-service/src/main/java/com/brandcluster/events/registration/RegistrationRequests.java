package com.brandcluster.events.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

@NullMarked
final class RegistrationRequests {

    private RegistrationRequests() {
    }

    /**
     * @param consentToAttendeeList asked of every attendee, without a default: whether other registered members may
     *                              see them on the attendee list
     */
    record AttendeeInput(@NotBlank @Size(max = 200) String name,
                         @NotBlank @Email @Size(max = 320) String email,
                         @Size(max = 200) @Nullable String jobTitle,
                         @NotNull Boolean consentToAttendeeList) {

        Registration.Attendee attendee() {
            return Registration.Attendee.named(name, email, jobTitle, consentToAttendeeList);
        }
    }

    record Register(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid AttendeeInput> attendees) {

        List<Registration.Attendee> named() {
            return attendees.stream().map(AttendeeInput::attendee).toList();
        }
    }

    record Decline(@NotBlank @Size(max = 2000) String reason) {
    }

    record Cancellation(@Size(max = 2000) @Nullable String reason) {
    }

    record RegistrationView(String id, String exchangeEventId, String clusterId, String enterpriseId,
                            List<Registration.Attendee> attendees, String status, @Nullable String approvalReason,
                            Instant registeredAt, @Nullable Instant waitlistedAt, @Nullable Instant offerExpiresAt,
                            long version,
                            List<Registration.Change> history) {

        static RegistrationView of(Registration r) {
            return new RegistrationView(r.id(), r.exchangeEventId(), r.clusterId(), r.enterpriseId(), r.attendees(),
                    r.status().name(), r.approvalReason(), r.registeredAt(), r.waitlistedAt(), r.offerExpiresAt(),
                    r.version(), r.history());
        }
    }
}
