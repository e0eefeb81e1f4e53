package com.brandcluster.salons.programme;

import com.brandcluster.salons.expert.Expert;
import com.brandcluster.salons.expert.Topic;
import com.brandcluster.salons.salon.Salon;
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
import java.util.function.Function;
import java.util.function.Predicate;

@NullMarked
final class ProgrammeRequests {

    private ProgrammeRequests() {
    }

    /**
     * One session slot; times are local date-times in the salon's time zone, as the salon's own are.
     *
     * @param id the slot's id to keep an existing slot (as a GET returned it); absent for a new slot
     */
    record SlotInput(@Size(max = 64) @Nullable String id,
                     @NotNull SessionSlot.Kind kind,
                     @NotBlank @Size(max = 200) String title,
                     @Size(max = 5000) @Nullable String description,
                     @NotNull LocalDateTime startsAt,
                     @NotNull LocalDateTime endsAt) {
    }

    /** The whole programme: the slots it keeps and the new ones. */
    record ProgrammeInput(@NotNull @Size(max = 100) List<@NotNull @Valid SlotInput> slots) {
    }

    /** An expert's public profile, as a confirmed session shows it. */
    record ExpertView(String id, String name, @Nullable String title, @Nullable String organisation,
                      List<Topic> topics) {

        static ExpertView of(Expert expert) {
            Expert.Profile p = expert.profile();
            return new ExpertView(expert.id(), p.name(), p.title(), p.organisation(), p.topics());
        }
    }

    /**
     * A session slot; {@code expert} (with {@code bookedAt}) only where the viewer may see who holds it.
     */
    record SlotView(String id, String kind, String title, @Nullable String description, Instant startsAt,
                    Instant endsAt, LocalDateTime localStartsAt, LocalDateTime localEndsAt, String state,
                    @Nullable ExpertView expert, @Nullable Instant bookedAt, @Nullable Instant confirmedAt,
                    long version) {

        static SlotView of(SessionSlot slot, ZoneId zone, @Nullable ExpertView expert) {
            return new SlotView(slot.id(), slot.kind().name(), slot.title(), slot.description(), slot.startsAt(),
                    slot.endsAt(), LocalDateTime.ofInstant(slot.startsAt(), zone),
                    LocalDateTime.ofInstant(slot.endsAt(), zone), slot.state().name(), expert,
                    expert == null ? null : slot.bookedAt(), slot.confirmedAt(), slot.version());
        }
    }

    record ProgrammeView(String salonId, String clusterId, String timeZone, List<SlotView> slots,
                         @Nullable Instant updatedAt) {

        /**
         * @param shown    the slots the viewer sees
         * @param expertOf the profile shown with a slot, or null where the viewer may not see who holds it
         */
        static ProgrammeView of(Programme programme, Salon salon, Predicate<SessionSlot> shown,
                                Function<SessionSlot, @Nullable ExpertView> expertOf) {
            ZoneId zone = ZoneId.of(salon.timeZone());
            return new ProgrammeView(salon.id(), salon.clusterId(), salon.timeZone(), programme.slots().stream()
                    .filter(shown).map(slot -> SlotView.of(slot, zone, expertOf.apply(slot))).toList(),
                    programme.updatedAt());
        }
    }

    /** A salon that has not started, with the slots still open for experts to book. */
    record OpenSalonView(String salonId, String clusterId, String theme, String title, Instant startsAt,
                         Instant endsAt, String timeZone, @Nullable String venue, @Nullable String onlineLink,
                         List<SlotView> openSlots) {

        static OpenSalonView of(Salon salon, List<SessionSlot> open) {
            ZoneId zone = ZoneId.of(salon.timeZone());
            return new OpenSalonView(salon.id(), salon.clusterId(), salon.theme(), salon.title(), salon.startsAt(),
                    salon.endsAt(), salon.timeZone(), salon.venue(), salon.onlineLink(),
                    open.stream().map(slot -> SlotView.of(slot, zone, null)).toList());
        }
    }
}
