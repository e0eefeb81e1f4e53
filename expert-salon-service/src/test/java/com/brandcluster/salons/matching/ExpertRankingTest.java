package com.brandcluster.salons.matching;

import com.brandcluster.salons.availability.SlotCalendar.Slot;
import com.brandcluster.salons.expert.Topic;
import com.brandcluster.salons.matching.ExpertRanking.Candidate;
import com.brandcluster.salons.matching.ExpertRanking.Ranked;
import com.brandcluster.salons.matching.ExpertRanking.Wanted;
import com.brandcluster.salons.matching.MatchReason.Signal;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static com.brandcluster.salons.expert.Topic.BRAND_STRATEGY;
import static com.brandcluster.salons.expert.Topic.DESIGN;
import static com.brandcluster.salons.expert.Topic.E_COMMERCE;
import static com.brandcluster.salons.expert.Topic.FINANCING;
import static org.assertj.core.api.Assertions.assertThat;

class ExpertRankingTest {

    private static final Instant NOW = Instant.parse("2026-05-04T00:00:00Z");
    private static final Duration HORIZON = Duration.ofDays(28);

    /** Wants strategy, design and e-commerce, in Chinese, in lighting (a member of lighting and coal). */
    private static final Wanted WANTED = new Wanted(Set.of(BRAND_STRATEGY, DESIGN, E_COMMERCE), Set.of("zh"),
            Set.of("lighting", "coal"), Set.of("lighting"));

    private final ExpertRanking ranking = new ExpertRanking(WANTED, NOW, HORIZON);
    private final Map<String, Slot> slots = new HashMap<>();
    private final List<String> slotsAskedFor = new ArrayList<>();

    private static Candidate expert(String id, List<Topic> topics, List<String> languages, List<String> clusters) {
        return new Candidate(id, "Expert " + id, null, null, topics, languages, clusters);
    }

    /** Covers one needed topic, speaks Chinese, serves lighting: everything but the topics equal. */
    private static Candidate plain(String id) {
        return expert(id, List.of(BRAND_STRATEGY), List.of("zh-CN"), List.of("lighting"));
    }

    private void freeIn(String expertId, Duration wait) {
        Instant start = NOW.plus(wait);
        slots.put(expertId, new Slot(start, start.plus(Duration.ofHours(1))));
    }

    private final Function<Candidate, Optional<Slot>> firstFreeSlot = candidate -> {
        slotsAskedFor.add(candidate.expertId());
        return Optional.ofNullable(slots.get(candidate.expertId()));
    };

    private List<String> ids(List<Ranked> ranked) {
        return ranked.stream().map(r -> r.expert().expertId()).toList();
    }

    @Test
    void scoresEachSignalAndSaysWhyInAFixedShape() {
        Candidate expert = expert("e1", List.of(DESIGN, BRAND_STRATEGY, FINANCING), List.of("en", "zh-TW"),
                List.of("lighting", "coal", "textiles"));
        freeIn("e1", Duration.ofDays(7));

        Ranked ranked = ranking.score(expert, Optional.of(slots.get("e1")));

        assertThat(ranked.reasons()).extracting(MatchReason::signal)
                .containsExactly(Signal.TOPICS, Signal.LANGUAGE, Signal.CLUSTER, Signal.AVAILABILITY);
        assertThat(ranked.reasons()).extracting(MatchReason::points).containsExactly(100, 20, 15, 8);
        assertThat(ranked.reasons()).extracting(MatchReason::values).containsExactly(
                List.of("BRAND_STRATEGY", "DESIGN"), List.of("zh-TW"), List.of("lighting"),
                List.of("2026-05-11T00:00:00Z"));
        assertThat(ranked.score()).isEqualTo(143);
        assertThat(ranked.nextFreeSlot()).isEqualTo(slots.get("e1"));
        assertThat(ranked.reasons().getFirst().detail()).isEqualTo(
                "Covers 2 of the 3 needed topics: BRAND_STRATEGY, DESIGN.");
    }

    @Test
    void reportsTheSignalsThatDidNotMatchWithNoPoints() {
        Candidate expert = expert("e1", List.of(DESIGN), List.of("de"), List.of("coal"));

        Ranked ranked = ranking.score(expert, Optional.empty());

        assertThat(ranked.reasons()).extracting(MatchReason::points).containsExactly(50, 0, 0, 0);
        assertThat(ranked.reasons().get(1).values()).isEmpty();
        assertThat(ranked.reasons().get(2).values()).containsExactly("coal");
        assertThat(ranked.reasons().get(2).detail()).contains("not one its needs ask for help in");
        assertThat(ranked.reasons().get(3).values()).isEmpty();
        assertThat(ranked.reasons().get(3).detail()).isEqualTo("No free consultation slot in the next 28 days.");
        assertThat(ranked.nextFreeSlot()).isNull();
    }

    @Test
    void oneMoreTopicOutweighsLanguageClusterAndTheSoonestSlotTogether() {
        Candidate twoTopics = expert("a", List.of(BRAND_STRATEGY, DESIGN), List.of("de"), List.of("coal"));
        Candidate oneTopic = plain("b");
        freeIn("b", Duration.ofMinutes(30));

        List<Ranked> ranked = ranking.rank(List.of(oneTopic, twoTopics), firstFreeSlot, 10);

        assertThat(ids(ranked)).containsExactly("a", "b");
        assertThat(ranked.get(0).score()).isEqualTo(100);
        assertThat(ranked.get(1).score()).isEqualTo(95);
    }

    @Test
    void aPreferredLanguageAndAPreferredClusterRaiseAnExpert() {
        Candidate both = plain("d");
        Candidate languageOnly = expert("c", List.of(BRAND_STRATEGY), List.of("zh"), List.of("coal"));
        Candidate clusterOnly = expert("b", List.of(BRAND_STRATEGY), List.of("en"), List.of("lighting"));
        Candidate neither = expert("a", List.of(BRAND_STRATEGY), List.of("en"), List.of("coal"));

        List<Ranked> ranked = ranking.rank(List.of(neither, clusterOnly, languageOnly, both), firstFreeSlot, 10);

        assertThat(ids(ranked)).containsExactly("d", "c", "b", "a");
        assertThat(ranked).extracting(Ranked::score).containsExactly(85, 70, 65, 50);
    }

    @Test
    void theSoonerFreeSlotRanksAnOtherwiseEqualExpertHigherAndAnySlotBeatsNone() {
        freeIn("late", Duration.ofDays(20));
        freeIn("soon", Duration.ofDays(2));
        freeIn("sooner", Duration.ofDays(1).plusHours(23));

        List<Ranked> ranked = ranking.rank(List.of(plain("none"), plain("late"), plain("soon"), plain("sooner")),
                firstFreeSlot, 10);

        assertThat(ids(ranked)).containsExactly("sooner", "soon", "late", "none");
        // the same points for 47 and 48 hours: the slot's start breaks the tie
        assertThat(ranked.get(0).score()).isEqualTo(ranked.get(1).score());
        assertThat(ranked.get(2).reasons().get(3).points()).isEqualTo(3);
        assertThat(ranked.get(3).reasons().get(3).points()).isZero();
    }

    @Test
    void aSlotAtTheEndOfTheHorizonStillScoresAndOneNowScoresInFull() {
        assertThat(ranking.score(plain("x"), Optional.of(new Slot(NOW.plus(HORIZON).minusSeconds(60),
                NOW.plus(HORIZON)))).reasons().get(3).points()).isEqualTo(1);
        assertThat(ranking.score(plain("x"), Optional.of(new Slot(NOW, NOW.plusSeconds(3600)))).reasons().get(3)
                .points()).isEqualTo(10);
    }

    @Test
    void equalExpertsAreOrderedByIdSoTheOrderIsStable() {
        List<Ranked> ranked = ranking.rank(List.of(plain("c"), plain("a"), plain("b")), firstFreeSlot, 10);

        assertThat(ids(ranked)).containsExactly("a", "b", "c");
    }

    @Test
    void expertsWithoutANeededTopicOrOutsideTheEnterprisesClustersAreNoMatch() {
        Candidate noTopic = expert("a", List.of(FINANCING), List.of("zh"), List.of("lighting"));
        Candidate otherCluster = expert("b", List.of(BRAND_STRATEGY, DESIGN, E_COMMERCE), List.of("zh"),
                List.of("textiles"));

        assertThat(ranking.rank(List.of(noTopic, otherCluster, plain("c")), firstFreeSlot, 10))
                .extracting(r -> r.expert().expertId()).containsExactly("c");
        assertThat(slotsAskedFor).containsExactly("c");
    }

    @Test
    void withoutPreferredLanguagesOrClustersEveryExpertGetsThosePoints() {
        ExpertRanking open = new ExpertRanking(new Wanted(Set.of(DESIGN), Set.of(), Set.of("lighting", "coal"),
                Set.of("lighting", "coal")), NOW, HORIZON);

        Ranked ranked = open.score(expert("a", List.of(DESIGN), List.of("de"), List.of("coal")), Optional.empty());

        assertThat(ranked.reasons()).extracting(MatchReason::points).containsExactly(50, 20, 15, 0);
        assertThat(ranked.reasons().get(1).detail()).isEqualTo("The needs prefer no language, so any suits.");
        assertThat(ranked.reasons().get(2).values()).containsExactly("coal");
    }

    @Test
    void namedClustersTheEnterpriseIsNoLongerAMemberOfAreNotPreferred() {
        Needs needs = new Needs("ent", List.of(DESIGN), "Packaging design", List.of(), List.of("lighting", "coal"),
                "user", NOW);

        Wanted wanted = Wanted.of(needs, Set.of("coal", "textiles"));

        assertThat(wanted.preferredClusters()).containsExactly("coal");
        assertThat(Wanted.of(new Needs("ent", List.of(DESIGN), "d", List.of("zh-CN"), List.of(), "user", NOW),
                Set.of("coal", "textiles")).preferredClusters()).containsExactlyInAnyOrder("coal", "textiles");
    }

    @Test
    void returnsAtMostTheLimitRankedFromTheBest() {
        List<Ranked> ranked = ranking.rank(List.of(plain("c"), plain("a"), plain("b")), firstFreeSlot, 2);

        assertThat(ids(ranked)).containsExactly("a", "b");
    }

    @Test
    void asksForAvailabilityOnlyWhileACandidateCanStillReachTheTop() {
        Candidate best = expert("best", List.of(BRAND_STRATEGY, DESIGN), List.of("zh"), List.of("lighting"));
        Candidate close = expert("close", List.of(BRAND_STRATEGY, DESIGN), List.of("en"), List.of("lighting"));
        Candidate hopeless = expert("hopeless", List.of(BRAND_STRATEGY), List.of("zh"), List.of("lighting"));
        freeIn("close", Duration.ofHours(1));

        List<Ranked> ranked = ranking.rank(List.of(hopeless, close, best), firstFreeSlot, 1);

        // best: 135 without a slot; close: 115 + up to 10 cannot pass it, nor can hopeless (85 + 10)
        assertThat(ids(ranked)).containsExactly("best");
        assertThat(slotsAskedFor).containsExactly("best");
    }

    @Test
    void stillAsksForAvailabilityWhenASlotCouldDecideTheTop() {
        Candidate first = plain("a");
        Candidate second = plain("b");
        freeIn("b", Duration.ofHours(2));

        List<Ranked> ranked = ranking.rank(List.of(first, second), firstFreeSlot, 1);

        assertThat(ids(ranked)).containsExactly("b");
        assertThat(slotsAskedFor).containsExactly("a", "b");
    }
}
