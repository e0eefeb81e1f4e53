package com.brandcluster.events.meeting;

import com.brandcluster.events.calendar.Calendars;
import com.brandcluster.events.meeting.MeetingRequests.AgendaView;
import com.brandcluster.events.meeting.MeetingRequests.GridCell;
import com.brandcluster.events.meeting.MeetingRequests.GridMeeting;
import com.brandcluster.events.meeting.MeetingRequests.GridRow;
import com.brandcluster.events.meeting.MeetingRequests.GridView;
import com.brandcluster.events.meeting.MeetingRequests.MeetingView;
import com.brandcluster.events.meeting.MeetingRequests.PlanInput;
import com.brandcluster.events.meeting.MeetingRequests.PlanView;
import com.brandcluster.events.meeting.MeetingRequests.Reason;
import com.brandcluster.events.meeting.MeetingRequests.RequestInput;
import com.brandcluster.events.meeting.MeetingRequests.SlotView;
import com.brandcluster.events.meeting.MeetingRequests.TableView;
import com.brandcluster.platform.security.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@RestController
@Validated
@RequestMapping("/api/events")
class MeetingController {

    private final MeetingPlans plans;
    private final Meetings meetings;
    private final MeetingAcceptance acceptance;

    MeetingController(MeetingPlans plans, Meetings meetings, MeetingAcceptance acceptance) {
        this.plans = plans;
        this.meetings = meetings;
        this.acceptance = acceptance;
    }

    @PutMapping("/events/{eventId}/meeting-slots")
    PlanView lay(@PathVariable String eventId, @Valid @RequestBody PlanInput input, Caller caller) {
        MeetingPlan plan = plans.put(eventId, input, caller);
        return PlanView.of(plan, zoneOf(eventId));
    }

    @GetMapping("/events/{eventId}/meeting-slots")
    PlanView plan(@PathVariable String eventId, Caller caller) {
        MeetingPlan plan = plans.readable(eventId, caller);
        return PlanView.of(plan, zoneOf(eventId));
    }

    @PostMapping("/events/{eventId}/meetings")
    ResponseEntity<MeetingView> request(@PathVariable String eventId, @Valid @RequestBody RequestInput input,
                                        Caller caller) {
        Meeting meeting = meetings.request(eventId, input, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/events/meetings/{id}").buildAndExpand(meeting.id()).toUri())
                .body(view(meeting));
    }

    /** An enterprise's agenda, or the secretariat's grid (its list of one state when it asks for a state). */
    @GetMapping("/events/{eventId}/meetings")
    @ApiResponse(responseCode = "200", description = "The enterprise's agenda, or the secretariat's grid",
            content = @Content(schema = @Schema(oneOf = {AgendaView.class, GridView.class})))
    Object list(@PathVariable String eventId, @RequestParam(required = false) Meeting.Status status,
                Caller caller) {
        Meetings.Listing listing = meetings.list(eventId, status, caller);
        ZoneId zone = ZoneId.of(listing.event().details().timeZone());
        if (listing.isGrid()) {
            return grid(listing, zone);
        }
        return new AgendaView(eventId, listing.enterpriseId(), listing.meetings().stream()
                .map(m -> MeetingView.of(m, listing.plan(), zone)).toList());
    }

    @GetMapping("/events/{eventId}/meetings/calendar")
    @ApiResponse(responseCode = "200", description = "The meetings as iCalendar (RFC 5545)",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    ResponseEntity<String> calendar(@PathVariable String eventId, Caller caller) {
        return Calendars.download(meetings.calendar(eventId, caller), "meetings-" + eventId);
    }

    @GetMapping("/meetings/{meetingId}")
    MeetingView get(@PathVariable String meetingId, Caller caller) {
        return view(meetings.get(meetingId, caller));
    }

    @PostMapping("/meetings/{meetingId}/acceptance")
    MeetingView accept(@PathVariable String meetingId, Caller caller) {
        return view(acceptance.accept(meetingId, caller));
    }

    /** The body, with an optional reason, may be left out. */
    @PostMapping("/meetings/{meetingId}/decline")
    MeetingView decline(@PathVariable String meetingId, @Valid @RequestBody(required = false) Reason reason,
                        Caller caller) {
        return view(meetings.decline(meetingId, reason == null ? null : reason.reason(), caller));
    }

    /** The body, with an optional reason, may be left out. */
    @PostMapping("/meetings/{meetingId}/cancellation")
    MeetingView cancel(@PathVariable String meetingId, @Valid @RequestBody(required = false) Reason reason,
                       Caller caller) {
        return view(meetings.cancel(meetingId, reason == null ? null : reason.reason(), caller));
    }

    private MeetingView view(Meeting meeting) {
        return MeetingView.of(meeting, plans.get(meeting.exchangeEventId()), zoneOf(meeting.exchangeEventId()));
    }

    private ZoneId zoneOf(String eventId) {
        return meetings.zoneOf(eventId);
    }

    private static GridView grid(Meetings.Listing listing, ZoneId zone) {
        MeetingPlan plan = listing.plan();
        Map<String, Meeting> byCell = listing.meetings().stream()
                .collect(Collectors.toMap(m -> m.slotId() + "/" + m.tableId(), Function.identity()));
        List<GridRow> rows = plan.slots().stream().map(slot -> new GridRow(SlotView.of(slot, zone),
                plan.tables().stream().map(table -> {
                    Meeting meeting = byCell.get(slot.id() + "/" + table.id());
                    return new GridCell(table.id(), table.name(), meeting == null ? null : new GridMeeting(
                            meeting.id(), meeting.requesterEnterpriseId(), meeting.inviteeEnterpriseId()));
                }).toList())).toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        listing.counts().forEach((status, count) -> counts.put(status.name(), count));
        return new GridView(listing.event().id(), zone.getId(), plan.tables().stream().map(TableView::of).toList(),
                rows, counts);
    }
}
