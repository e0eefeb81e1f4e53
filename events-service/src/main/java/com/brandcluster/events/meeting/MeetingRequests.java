package com.brandcluster.events.meeting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

@NullMarked
final class MeetingRequests {

    private MeetingRequests() {
    }

    /** The whole layout of an event's matchmaking; slots and tables sent back with their ids keep them. */
    record PlanInput(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid SlotInput> slots,
                     @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid TableInput> tables) {
    }

    /** A slot in local date-times of the event's zone. */
    record SlotInput(@Size(max = 64) @Nullable String id, @NotNull LocalDateTime startsAt,
                     @NotNull LocalDateTime endsAt) {
    }

    record TableInput(@Size(max = 64) @Nullable String id, @NotBlank @Size(max = 100) String name) {
    }

    record RequestInput(@NotBlank @Size(max = 64) String withEnterpriseId,
                        @NotBlank @Size(max = 64) String slotId,
                        @Size(max = 2000) @Nullable String message) {
    }

    /** A decline's or a cancellation's optional reason, told the other enterprise. */
    record Reason(@Size(max = 2000) @Nullable String reason) {
    }

    record SlotView(String id, Instant startsAt, Instant endsAt, LocalDateTime localStartsAt,
                    LocalDateTime localEndsAt) {

        static SlotView of(String id, Meeting.SlotTimes times, ZoneId zone) {
            return new SlotView(id, times.startsAt(), times.endsAt(),
                    LocalDateTime.ofInstant(times.startsAt(), zone), LocalDateTime.ofInstant(times.endsAt(), zone));
        }

        static SlotView of(MeetingPlan.Slot slot, ZoneId zone) {
            return of(slot.id(), slot.times(), zone);
        }
    }

    record TableView(String id, String name) {

        static TableView of(MeetingPlan.Table table) {
            return new TableView(table.id(), table.name());
        }
    }

    record PlanView(String exchangeEventId, String clusterId, String timeZone, List<SlotView> slots,
                    List<TableView> tables, int tableCount, long version) {

        static PlanView of(MeetingPlan plan, ZoneId zone) {
            return new PlanView(plan.exchangeEventId(), plan.clusterId(), zone.getId(),
                    plan.slots().stream().map(s -> SlotView.of(s, zone)).toList(),
                    plan.tables().stream().map(TableView::of).toList(), plan.tables().size(), plan.version());
        }
    }

    /**
     * @param slot     the slot as the plan has it now; as the meeting last knew it once the slot was removed
     * @param answerBy until when the invitee may answer a request: its time to answer, at the latest the slot's
     *                 start; null once answered or ended
     */
    record MeetingView(String id, String exchangeEventId, String clusterId, SlotView slot,
                       String requesterEnterpriseId, String inviteeEnterpriseId, @Nullable String message,
                       String status, @Nullable TableView table, Instant requestedAt, @Nullable Instant answerBy,
                       @Nullable String declineReason, @Nullable String cancelledBy,
                       @Nullable String cancellationReason, @Nullable String expiredBecause, long version,
                       List<Meeting.Change> history) {

        static MeetingView of(Meeting m, @Nullable MeetingPlan plan, ZoneId zone) {
            SlotView slot = plan == null ? null : plan.slot(m.slotId()).map(s -> SlotView.of(s, zone)).orElse(null);
            if (slot == null) {
                slot = SlotView.of(m.slotId(), m.slotTimes(), zone);
            }
            Instant answerBy = m.status() != Meeting.Status.REQUESTED ? null
                    : m.expiresAt().isBefore(slot.startsAt()) ? m.expiresAt() : slot.startsAt();
            return new MeetingView(m.id(), m.exchangeEventId(), m.clusterId(), slot, m.requesterEnterpriseId(),
                    m.inviteeEnterpriseId(), m.message(), m.status().name(),
                    m.tableId() == null ? null : new TableView(m.tableId(), m.tableName()), m.requestedAt(),
                    answerBy, m.status() == Meeting.Status.DECLINED ? m.lastReason() : null,
                    m.cancelledBy() == null ? null : m.cancelledBy().name(),
                    m.status() == Meeting.Status.CANCELLED ? m.lastReason() : null,
                    m.expiredBecause() == null ? null : m.expiredBecause().name(), m.version(), m.history());
        }
    }

    /**
     * An enterprise's own meetings at the event, requested by it or of it, in the order of their slots; or, for the
     * secretariat asking for one state, every meeting of the event in it ({@code enterpriseId} null).
     */
    record AgendaView(String exchangeEventId, @Nullable String enterpriseId, List<MeetingView> meetings) {
    }

    /**
     * The secretariat's grid: every slot with every table and the accepted meeting at it (null when free), and how
     * many meetings are in each state.
     */
    record GridView(String exchangeEventId, String timeZone, List<TableView> tables, List<GridRow> slots,
                    Map<String, Long> counts) {
    }

    record GridRow(SlotView slot, List<GridCell> tables) {
    }

    record GridCell(String tableId, String tableName, @Nullable GridMeeting meeting) {
    }

    record GridMeeting(String id, String requesterEnterpriseId, String inviteeEnterpriseId) {
    }
}
