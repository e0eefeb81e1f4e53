package com.brandcluster.events.registration;

import com.brandcluster.events.DocumentedSchemas;
import com.brandcluster.events.registration.AttendanceRequests.AttendanceView;
import com.brandcluster.events.registration.AttendanceRequests.AttendeeEntry;
import com.brandcluster.events.registration.AttendanceRequests.CheckInView;
import com.brandcluster.events.registration.RegistrationRequests.RegistrationView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the document promises of registration and attendance views holds for the sparsest registrations: attendees
 * without a job title, never checked in, of an enterprise whose name this service has not learnt.
 */
class RegistrationViewsRequiredFieldsTest {

    private static final Instant NOW = Instant.parse("2026-05-07T01:00:00Z");

    @Test
    void aConfirmedRegistrationWithNothingOptionalCarriesEveryRequiredProperty() {
        Registration registration = confirmed();

        assertThat(DocumentedSchemas.required("RegistrationRequestsRegistrationView"))
                .contains("id", "exchangeEventId", "enterpriseId", "attendees", "status", "registeredAt", "history")
                .doesNotContain("approvalReason", "waitlistedAt", "offerExpiresAt");
        assertThat(DocumentedSchemas.required("RegistrationAttendee")).doesNotContain("jobTitle", "checkedInAt");
        DocumentedSchemas.assertRequiredPresent("RegistrationRequestsRegistrationView",
                RegistrationView.of(registration));
    }

    @Test
    void attendanceOfAnEnterpriseWithoutAKnownNameCarriesEveryRequiredProperty() {
        Registration registration = confirmed();
        Registration.Attendee attendee = registration.attendees().getFirst();
        Attendance.Listed listed = new Attendance.Listed(registration.id(), registration.enterpriseId(), null,
                attendee);
        Attendance.Counts counts = new Attendance.Counts("e-1", new Attendance.Tally(1, 1, 0),
                List.of(new Attendance.EnterpriseTally("ent-new", null, new Attendance.Tally(1, 1, 0))));

        assertThat(DocumentedSchemas.required("AttendanceRequestsConsented")).containsExactlyInAnyOrder("name",
                "enterpriseId");
        DocumentedSchemas.assertRequiredPresent("AttendanceRequestsComplete", AttendeeEntry.of(listed, true));
        DocumentedSchemas.assertRequiredPresent("AttendanceRequestsConsented", AttendeeEntry.of(listed, false));
        DocumentedSchemas.assertRequiredPresent("AttendanceRequestsAttendanceView", AttendanceView.of(counts));
    }

    @Test
    void aCheckInOfAnEnterpriseWithoutAKnownNameCarriesEveryRequiredProperty() {
        Registration registration = confirmed();
        List<Registration.CheckIn> checkedIn = registration.checkIn(Set.of(), "staff", NOW);
        Set<String> ids = Set.of(checkedIn.getFirst().attendee().id());

        CheckInView view = CheckInView.of(new CheckIns.Outcome(registration, null, registration.attendees(), ids));

        assertThat(DocumentedSchemas.required("AttendanceRequestsCheckedInAttendee")).contains("checkedInAt");
        DocumentedSchemas.assertRequiredPresent("AttendanceRequestsCheckInView", view);
    }

    private static Registration confirmed() {
        return Registration.confirmed("r-1", "e-1", "lighting", "ent-new",
                List.of(Registration.Attendee.named("Zhao Lei", "zhao.lei@opal.example", null, false)), "user", NOW);
    }
}
