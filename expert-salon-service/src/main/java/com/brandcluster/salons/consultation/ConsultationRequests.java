package com.brandcluster.salons.consultation;

import com.brandcluster.salons.expert.Topic;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;

@NullMarked
final class ConsultationRequests {

    static final String CLUSTER_ID = "[a-z0-9][a-z0-9-]{0,62}";
    /** An {@code Idempotency-Key}: 1 to 255 visible ASCII characters (a UUID serves well). */
    static final String IDEMPOTENCY_KEY = "[\\x21-\\x7E]{1,255}";

    private ConsultationRequests() {
    }

    /**
     * A booking: an expert of the cluster, the UTC start of one of their free slots (an offset is accepted and
     * converted), a topic of the controlled vocabulary and a note for the expert.
     */
    record Book(@NotBlank @Size(max = 200) String expertId,
                @NotBlank @Pattern(regexp = CLUSTER_ID, message = "must be a cluster id") String clusterId,
                @NotNull Instant start,
                @NotNull Topic topic,
                @Size(max = 2000) @Nullable String note) {

        Book {
            note = note == null || note.isBlank() ? null : note.strip();
        }

        /** What makes two requests the same request, for idempotency keys: every field, normalised. */
        String fingerprint() {
            String canonical = String.join("\u0000", expertId, clusterId, start.toString(), topic.name(),
                    note == null ? "" : note);
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(canonical.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JVM", e);
            }
        }
    }

    record Cancel(@NotBlank @Size(max = 500) String reason) {
    }

    record Reschedule(@NotNull Instant start) {
    }

    record CancellationView(String by, String reason, Instant at, boolean late, boolean hoursReturned) {
    }

    record FlagView(String reason, Instant flaggedAt) {
    }

    record ChangeView(String state, Instant at, String by, Instant start) {
    }

    /**
     * A consultation: UTC instants plus the local times in the expert's zone, the instant after which a cancellation
     * is late, the flag the secretariat sees while the enterprise's membership is not in good standing, and the
     * version (the calendar entry's SEQUENCE).
     */
    record ConsultationView(String id, String clusterId, String enterpriseId, String expertId, String expertName,
                            String expertTimeZone, Topic topic, @Nullable String note, Instant start, Instant end,
                            OffsetDateTime localStart, OffsetDateTime localEnd, int minutes, String state,
                            Instant cancellationCutoffAt, @Nullable CancellationView cancellation, @Nullable FlagView flag,
                            Instant bookedAt, Instant updatedAt, long version, List<ChangeView> history) {

        static ConsultationView of(Consultation c) {
            ZoneId zone = ZoneId.of(c.expertTimeZone());
            Consultation.Cancellation x = c.cancellation();
            return new ConsultationView(c.id(), c.clusterId(), c.enterpriseId(), c.expertId(), c.expertName(),
                    c.expertTimeZone(), c.topic(), c.note(), c.start(), c.end(),
                    c.start().atZone(zone).toOffsetDateTime(), c.end().atZone(zone).toOffsetDateTime(), c.minutes(),
                    c.state().name(), c.cutoffAt(),
                    x == null ? null : new CancellationView(x.by().name(), x.reason(), x.at(), x.late(),
                            x.hoursReturned()),
                    c.flag() == null ? null : new FlagView(c.flag().reason(), c.flag().flaggedAt()),
                    c.bookedAt(), c.updatedAt(), c.version(),
                    c.history().stream().map(h -> new ChangeView(h.state().name(), h.at(), h.by(), h.start()))
                            .toList());
        }
    }
}
