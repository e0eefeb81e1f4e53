package com.brandcluster.events.meeting;

import com.brandcluster.events.DocumentedSchemas;
import com.brandcluster.events.meeting.MeetingRequests.MeetingView;
import com.brandcluster.events.meeting.MeetingRequests.PlanView;
import com.brandcluster.events.meeting.MeetingRequests.SlotInput;
import com.brandcluster.events.meeting.MeetingRequests.TableInput;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the document promises of meeting and plan views holds for the sparsest meetings and plans. */
class MeetingViewsRequiredFieldsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final PlanLayout.Window EVENT = new PlanLayout.Window(Instant.parse("2026-06-18T01:00:00Z"),
            Instant.parse("2026-06-18T09:00:00Z"), SHANGHAI);

    @Test
    void aRequestWithoutMessageOfAnEventWithoutPlanCarriesEveryRequiredProperty() {
        Meeting meeting = requested();

        assertThat(DocumentedSchemas.required("MeetingRequestsMeetingView"))
                .contains("id", "slot", "requesterEnterpriseId", "inviteeEnterpriseId", "status", "requestedAt")
                .doesNotContain("message", "table", "answerBy", "declineReason", "cancelledBy", "expiredBecause");
        DocumentedSchemas.assertRequiredPresent("MeetingRequestsMeetingView", MeetingView.of(meeting, null, SHANGHAI));
    }

    @Test
    void aRequestDeclinedWithoutReasonCarriesEveryRequiredProperty() {
        Meeting meeting = requested();
        meeting.decline(null, "invitee", NOW.plusSeconds(60));

        DocumentedSchemas.assertRequiredPresent("MeetingRequestsMeetingView", MeetingView.of(meeting, null, SHANGHAI));
    }

    @Test
    void aPlanOfOneSlotAndOneTableCarriesEveryRequiredProperty() {
        LocalDateTime ten = LocalDateTime.parse("2026-06-18T10:00");
        PlanLayout layout = PlanLayout.of(List.of(new SlotInput(null, ten, ten.plusMinutes(30))),
                List.of(new TableInput(null, "Table 1")), EVENT, null, () -> "id-1");
        MeetingPlan plan = MeetingPlan.enable("e1", "lighting", layout, "secretariat", NOW);

        DocumentedSchemas.assertRequiredPresent("MeetingRequestsPlanView", PlanView.of(plan, SHANGHAI));
    }

    private static Meeting requested() {
        Meeting.SlotTimes slot = new Meeting.SlotTimes(Instant.parse("2026-06-18T06:00:00Z"),
                Instant.parse("2026-06-18T06:30:00Z"));
        return Meeting.request("m1", "e1", "lighting", "s1", slot, "ent-opal", "ent-guzhen", null,
                NOW.plus(Duration.ofHours(48)), "requester", NOW);
    }
}
