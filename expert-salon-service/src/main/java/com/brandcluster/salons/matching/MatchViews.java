package com.brandcluster.salons.matching;

import com.brandcluster.salons.salon.Salon;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

@NullMarked
final class MatchViews {

    private MatchViews() {
    }

    /**
     * The matches of an enterprise's needs.
     *
     * @param clusters          the clusters matched in: those the enterprise is a member of in good standing
     * @param availabilityFrom  free slots were looked for from here ...
     * @param availabilityUntil ... to here
     * @param experts           the best experts, best first
     * @param salons            the most relevant upcoming salons open for registration, most relevant first
     */
    record MatchesView(String enterpriseId, Instant needsStatedAt, List<String> clusters, Instant availabilityFrom,
                       Instant availabilityUntil, List<ExpertMatch> experts, List<SalonSuggestion> salons) {

        static MatchesView of(Matches.Result result) {
            List<ExpertMatch> experts = IntStream.range(0, result.experts().size())
                    .mapToObj(i -> ExpertMatch.of(i + 1, result.experts().get(i))).toList();
            List<SalonSuggestion> salons = IntStream.range(0, result.suggestions().size())
                    .mapToObj(i -> SalonSuggestion.of(i + 1, result.suggestions().get(i),
                            result.salons().get(result.suggestions().get(i).salon().salonId())))
                    .toList();
            return new MatchesView(result.needs().enterpriseId(), result.needs().statedAt(),
                    result.clusters().stream().sorted().toList(), result.at(), result.availabilityUntil(), experts,
                    salons);
        }
    }

    record FreeSlot(Instant start, Instant end) {
    }

    /** An expert and why they rank here; {@code nextFreeSlot} is null when none is free within the horizon. */
    record ExpertMatch(int rank, String expertId, String name, @Nullable String title, @Nullable String organisation,
                       List<String> languages, List<String> clusters, int score, @Nullable FreeSlot nextFreeSlot,
                       List<MatchReason> reasons) {

        static ExpertMatch of(int rank, ExpertRanking.Ranked ranked) {
            ExpertRanking.Candidate e = ranked.expert();
            FreeSlot slot = ranked.nextFreeSlot() == null ? null
                    : new FreeSlot(ranked.nextFreeSlot().start(), ranked.nextFreeSlot().end());
            return new ExpertMatch(rank, e.expertId(), e.name(), e.title(), e.organisation(), e.languages(),
                    e.clusters(), ranked.score(), slot, ranked.reasons());
        }
    }

    /** A salon and why it is suggested. */
    record SalonSuggestion(int rank, String salonId, String clusterId, String theme, String title, Instant startsAt,
                           Instant endsAt, String timeZone, Instant registrationClosesAt, int seatsAvailable,
                           int score, List<MatchReason> reasons) {

        static SalonSuggestion of(int rank, SalonRelevance.Suggested suggested, Salon salon) {
            return new SalonSuggestion(rank, salon.id(), salon.clusterId(), salon.theme(), salon.title(),
                    salon.startsAt(), salon.endsAt(), salon.timeZone(), salon.registrationClosesAt(),
                    Math.max(0, salon.capacity() - salon.seatsTaken()), suggested.score(), suggested.reasons());
        }
    }
}
