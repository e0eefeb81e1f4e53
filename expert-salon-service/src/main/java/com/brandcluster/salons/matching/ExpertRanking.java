package com.brandcluster.salons.matching;

import com.brandcluster.salons.availability.SlotCalendar;
import com.brandcluster.salons.expert.Topic;
import com.brandcluster.salons.matching.MatchReason.Signal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Ranks experts for an enterprise's needs: a pure function of what is wanted, the facts of each candidate and, for
 * the candidates that can still reach the top, their first free consultation slot.
 * <p>
 * Only experts who cover at least one needed topic AND serve a cluster the enterprise is a member of in good standing
 * are matches: consultations are booked through such a membership, so an expert of another cluster cannot be booked
 * by this enterprise at all. The score adds up four signals, each reported as a {@link MatchReason}, always all four in
 * this order:
 * <ol>
 *     <li>{@code TOPICS}: {@value #TOPIC_POINTS} points per needed topic the expert covers. The strongest signal: one
 *     more topic outweighs all the other signals together, so experts rank by topics first;</li>
 *     <li>{@code LANGUAGE}: {@value #LANGUAGE_POINTS} points when the expert speaks a preferred language (compared by
 *     primary language: {@code zh-TW} serves {@code zh-CN}), or when the needs prefer none;</li>
 *     <li>{@code CLUSTER}: {@value #CLUSTER_POINTS} points when the expert serves one of the clusters the needs ask
 *     for help in, or, when they name none, any cluster the enterprise is a member of;</li>
 *     <li>{@code AVAILABILITY}: up to {@value #AVAILABILITY_POINTS} points for the first free slot within the
 *     horizon, by how soon it is ({@code ceil(10 * (1 - wait / horizon))}: any free slot scores at least 1), 0 for
 *     none.</li>
 * </ol>
 * Ties go to the sooner free slot (a slot before none), then to the expert id, so the order is stable.
 */
final class ExpertRanking {

    static final int TOPIC_POINTS = 50;
    static final int LANGUAGE_POINTS = 20;
    static final int CLUSTER_POINTS = 15;
    static final int AVAILABILITY_POINTS = 10;

    /**
     * What the enterprise wants, resolved against its memberships.
     *
     * @param memberClusters    the clusters it is a member of in good standing (the only ones matched in)
     * @param preferredClusters those of them its needs ask for help in; all of them when the needs name none
     */
    record Wanted(Set<Topic> topics, Set<String> languageCodes, Set<String> memberClusters,
                  Set<String> preferredClusters) {

        Wanted {
            topics = Set.copyOf(topics);
            languageCodes = Set.copyOf(languageCodes);
            memberClusters = Set.copyOf(memberClusters);
            preferredClusters = Set.copyOf(preferredClusters);
        }

        /** The needs' wishes within the enterprise's good-standing clusters. */
        static Wanted of(Needs needs, Set<String> memberClusters) {
            Set<String> named = Set.copyOf(needs.clusters());
            Set<String> preferred = needs.clusters().isEmpty() ? memberClusters
                    : Set.copyOf(memberClusters.stream().filter(named::contains).toList());
            return new Wanted(Set.copyOf(needs.topics()), Set.copyOf(needs.languageCodes()), memberClusters,
                    preferred);
        }
    }

    /** The facts of an expert that ranking looks at (and that a match shows). */
    record Candidate(String expertId, String name, String title, String organisation, List<Topic> topics,
                     List<String> languages, List<String> clusters) {
    }

    /** A scored expert; {@code nextFreeSlot} is null when none is free within the horizon. */
    record Ranked(Candidate expert, int score, SlotCalendar.Slot nextFreeSlot, List<MatchReason> reasons) {
    }

    static final Comparator<Ranked> ORDER = Comparator.comparingInt(Ranked::score).reversed()
            .thenComparing(Ranked::nextFreeSlot, Comparator.nullsLast(Comparator.comparing(SlotCalendar.Slot::start)))
            .thenComparing(ranked -> ranked.expert().expertId());

    private final Wanted wanted;
    private final Instant now;
    private final Duration horizon;

    ExpertRanking(Wanted wanted, Instant now, Duration horizon) {
        this.wanted = Objects.requireNonNull(wanted, "wanted");
        this.now = Objects.requireNonNull(now, "now");
        this.horizon = Objects.requireNonNull(horizon, "horizon");
    }

    /**
     * The best {@code limit} matches among the candidates, best first. The first free slot is asked for in the order
     * of the score without it, and no longer once a candidate could not reach the top even with the soonest slot:
     * availability is the costly part, and only the top needs it.
     */
    List<Ranked> rank(List<Candidate> candidates, Function<Candidate, Optional<SlotCalendar.Slot>> firstFreeSlot,
                      int limit) {
        List<Candidate> eligible = candidates.stream().filter(this::isMatch)
                .sorted(Comparator.comparingInt(this::scoreWithoutAvailability).reversed()
                        .thenComparing(Candidate::expertId))
                .toList();
        List<Ranked> ranked = new ArrayList<>();
        for (Candidate candidate : eligible) {
            if (ranked.size() >= limit) {
                ranked.sort(ORDER);
                if (scoreWithoutAvailability(candidate) + AVAILABILITY_POINTS < ranked.get(limit - 1).score()) {
                    break;
                }
            }
            ranked.add(score(candidate, firstFreeSlot.apply(candidate)));
        }
        ranked.sort(ORDER);
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }

    /** Covers a needed topic and serves a cluster the enterprise is a member of. */
    boolean isMatch(Candidate candidate) {
        return !matchedTopics(candidate).isEmpty() && !sharedClusters(candidate, wanted.memberClusters()).isEmpty();
    }

    int scoreWithoutAvailability(Candidate candidate) {
        return topics(candidate).points() + language(candidate).points() + cluster(candidate).points();
    }

    Ranked score(Candidate candidate, Optional<SlotCalendar.Slot> nextFreeSlot) {
        List<MatchReason> reasons = List.of(topics(candidate), language(candidate), cluster(candidate),
                availability(nextFreeSlot));
        return new Ranked(candidate, reasons.stream().mapToInt(MatchReason::points).sum(), nextFreeSlot.orElse(null),
                reasons);
    }

    private MatchReason topics(Candidate candidate) {
        List<String> matched = matchedTopics(candidate);
        return new MatchReason(Signal.TOPICS, TOPIC_POINTS * matched.size(), matched, matched.isEmpty()
                ? "Covers none of the needed topics."
                : "Covers " + matched.size() + " of the " + wanted.topics().size() + " needed topics: "
                        + String.join(", ", matched) + ".");
    }

    private MatchReason language(Candidate candidate) {
        if (wanted.languageCodes().isEmpty()) {
            return new MatchReason(Signal.LANGUAGE, LANGUAGE_POINTS, List.of(),
                    "The needs prefer no language, so any suits.");
        }
        List<String> spoken = candidate.languages().stream()
                .filter(tag -> wanted.languageCodes().contains(Locale.forLanguageTag(tag).getLanguage())).toList();
        return spoken.isEmpty()
                ? new MatchReason(Signal.LANGUAGE, 0, List.of(), "Speaks none of the preferred languages.")
                : new MatchReason(Signal.LANGUAGE, LANGUAGE_POINTS, spoken,
                        "Speaks " + String.join(", ", spoken) + ", a preferred language.");
    }

    private MatchReason cluster(Candidate candidate) {
        List<String> preferred = sharedClusters(candidate, wanted.preferredClusters());
        if (!preferred.isEmpty()) {
            return new MatchReason(Signal.CLUSTER, CLUSTER_POINTS, preferred,
                    "Serves " + String.join(", ", preferred) + ", where the enterprise wants help.");
        }
        List<String> shared = sharedClusters(candidate, wanted.memberClusters());
        return new MatchReason(Signal.CLUSTER, 0, shared, "Serves " + String.join(", ", shared)
                + ", a cluster of the enterprise but not one its needs ask for help in.");
    }

    private MatchReason availability(Optional<SlotCalendar.Slot> nextFreeSlot) {
        if (nextFreeSlot.isEmpty()) {
            return new MatchReason(Signal.AVAILABILITY, 0, List.of(),
                    "No free consultation slot in the next " + horizon.toDays() + " days.");
        }
        Instant start = nextFreeSlot.get().start();
        double wait = (double) Duration.between(now, start).toSeconds() / horizon.toSeconds();
        int points = (int) Math.clamp(Math.ceil(AVAILABILITY_POINTS * (1 - wait)), 1, AVAILABILITY_POINTS);
        return new MatchReason(Signal.AVAILABILITY, points, List.of(start.toString()),
                "First free consultation slot starts at " + start + ".");
    }

    private List<String> matchedTopics(Candidate candidate) {
        return candidate.topics().stream().filter(wanted.topics()::contains).map(Topic::name).sorted().toList();
    }

    private static List<String> sharedClusters(Candidate candidate, Set<String> clusters) {
        return candidate.clusters().stream().filter(clusters::contains).sorted().toList();
    }
}
