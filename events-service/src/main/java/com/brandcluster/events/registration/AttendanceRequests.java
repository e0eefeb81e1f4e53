package com.brandcluster.events.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Set;

@NullMarked
final class AttendanceRequests {

    private AttendanceRequests() {
    }

    /** @param attendeeIds the attendees to check in; every attendee of the registration when left out */
    record CheckInAttendees(@Size(min = 1, max = 100) @Nullable List<@NotBlank @Size(max = 64) String> attendeeIds) {

        Set<String> ids() {
            return attendeeIds == null ? Set.of() : Set.copyOf(attendeeIds);
        }
    }

    /** @param code the check-in code a scanned QR image carries */
    record ScannedCode(@NotBlank @Size(max = 64) String code) {
    }

    /**
     * @param alreadyCheckedIn true when every attendee asked about was checked in before (this check-in changed
     *                         nothing)
     */
    record CheckInView(String registrationId, String exchangeEventId, String enterpriseId,
                       @Nullable String enterpriseName,
                       boolean alreadyCheckedIn, List<CheckedInAttendee> attendees) {

        static CheckInView of(CheckIns.Outcome outcome) {
            Registration r = outcome.registration();
            List<CheckedInAttendee> attendees = outcome.attendees().stream()
                    .map(a -> new CheckedInAttendee(a.id(), a.name(), a.jobTitle(), a.checkedInAt(),
                            !outcome.checkedInNow().contains(a.id())))
                    .toList();
            return new CheckInView(r.id(), r.exchangeEventId(), r.enterpriseId(), outcome.enterpriseName(),
                    outcome.checkedInNow().isEmpty(), attendees);
        }
    }

    record CheckedInAttendee(String attendeeId, String name, @Nullable String jobTitle, Instant checkedInAt,
                             boolean alreadyCheckedIn) {
    }

    /** An attendee on the list: the secretariat's {@link Complete} entry, or the members' {@link Consented} one. */
    sealed interface AttendeeEntry {

        static AttendeeEntry of(Attendance.Listed listed, boolean complete) {
            Registration.Attendee a = listed.attendee();
            return complete
                    ? new Complete(listed.registrationId(), a.id(), a.name(), a.jobTitle(), listed.enterpriseId(),
                    listed.enterpriseName(), a.email(), a.consentToAttendeeList(), a.isCheckedIn(), a.checkedInAt())
                    : new Consented(a.name(), a.jobTitle(), listed.enterpriseId(), listed.enterpriseName());
        }
    }

    record Complete(String registrationId, String attendeeId, String name, @Nullable String jobTitle,
                    String enterpriseId, @Nullable String enterpriseName, String email, boolean consentToAttendeeList,
                    boolean checkedIn, @Nullable Instant checkedInAt) implements AttendeeEntry {
    }

    /** What other registered members see of an attendee who consented: no e-mail, nothing of their check-in. */
    record Consented(String name, @Nullable String jobTitle, String enterpriseId, @Nullable String enterpriseName)
            implements AttendeeEntry {
    }

    record AttendanceView(String exchangeEventId, long registered, long confirmed, long checkedIn,
                          List<EnterpriseAttendance> enterprises) {

        static AttendanceView of(Attendance.Counts counts) {
            return new AttendanceView(counts.exchangeEventId(), counts.total().registered(),
                    counts.total().confirmed(), counts.total().checkedIn(), counts.enterprises().stream()
                    .map(e -> new EnterpriseAttendance(e.enterpriseId(), e.enterpriseName(), e.tally().registered(),
                            e.tally().confirmed(), e.tally().checkedIn()))
                    .toList());
        }
    }

    record EnterpriseAttendance(String enterpriseId, @Nullable String enterpriseName, long registered, long confirmed,
                                long checkedIn) {
    }
}
