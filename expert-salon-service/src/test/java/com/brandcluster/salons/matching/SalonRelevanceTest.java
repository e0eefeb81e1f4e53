package com.brandcluster.salons.matching;

import com.brandcluster.salons.expert.Topic;
import com.brandcluster.salons.matching.MatchReason.Signal;
import com.brandcluster.salons.matching.SalonRelevance.Candidate;
import com.brandcluster.salons.matching.SalonRelevance.Suggested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static com.brandcluster.salons.expert.Topic.BRAND_STRATEGY;
import static com.brandcluster.salons.expert.Topic.DESIGN;
import static com.brandcluster.salons.expert.Topic.EXPORT_AND_TRADE;
import static com.brandcluster.salons.expert.Topic.FINANCING;
import static org.assertj.core.api.Assertions.assertThat;

class SalonRelevanceTest {

    private static final Instant SOON = Instant.parse("2026-06-01T06:00:00Z");

    private final SalonRelevance relevance = new SalonRelevance(new Needs("ent", List.of(BRAND_STRATEGY,
            EXPORT_AND_TRADE), "We want to price our lamps for export markets.", List.of(), List.of(), "user", SOON));

    private static Candidate salon(String id, Instant startsAt, String title, Set<Topic> expertTopics) {
        return new Candidate(id, startsAt, "Brand Home, Brand Price", title, null, expertTopics);
    }

    @Test
    void aSalonWhoseExpertsCoverANeededTopicIsSuggestedAndSaysWhy() {
        Suggested suggested = relevance.score(salon("s1", SOON, "Annual meeting", Set.of(BRAND_STRATEGY, DESIGN)));

        assertThat(suggested.score()).isEqualTo(30);
        assertThat(suggested.reasons()).extracting(MatchReason::signal).containsExactly(Signal.TOPICS,
                Signal.KEYWORDS);
        assertThat(suggested.reasons().get(0).values()).containsExactly("BRAND_STRATEGY");
        assertThat(suggested.reasons().get(0).points()).isEqualTo(20);
        // "price" of the theme meets "price" of the needs
        assertThat(suggested.reasons().get(1).values()).containsExactly("price");
    }

    @Test
    void wordsOfTheNeedsAndOfTheirTopicsMeetTheSalonsWords() {
        Suggested suggested = relevance.score(new Candidate("s1", SOON, "Going abroad",
                "Export strategy for lighting", "Trade fairs and prices.", Set.of()));

        assertThat(suggested.reasons().get(0).points()).isZero();
        assertThat(suggested.reasons().get(1).values()).containsExactly("export", "price", "strategy", "trade");
        assertThat(suggested.score()).isEqualTo(40);
    }

    @Test
    void keywordsCountAtMostFive() {
        SalonRelevance wordy = new SalonRelevance(new Needs("ent", List.of(FINANCING),
                "alpha bravo charlie delta echo foxtrot golf", List.of(), List.of(), "user", SOON));

        Suggested suggested = wordy.score(new Candidate("s", SOON, "alpha bravo charlie delta", "echo foxtrot golf",
                null, Set.of()));

        assertThat(suggested.reasons().get(1).values()).hasSize(7);
        assertThat(suggested.score()).isEqualTo(50);
    }

    @Test
    void irrelevantSalonsAreLeftOutAndTheRestRankedByScoreThenStartThenId() {
        Candidate irrelevant = new Candidate("s0", SOON, "Annual plenary", "Officers' election", null, Set.of(DESIGN));
        Candidate later = salon("s3", SOON.plusSeconds(86_400), "Annual meeting", Set.of());
        Candidate sooner = salon("s2", SOON, "Annual meeting", Set.of());
        Candidate sameStart = salon("s1", SOON, "Annual meeting", Set.of());
        Candidate best = salon("s4", SOON.plusSeconds(7 * 86_400), "Annual meeting", Set.of(EXPORT_AND_TRADE));

        List<Suggested> suggested = relevance.suggest(List.of(irrelevant, later, sooner, sameStart, best), 10);

        assertThat(suggested).extracting(s -> s.salon().salonId()).containsExactly("s4", "s1", "s2", "s3");
        assertThat(relevance.suggest(List.of(irrelevant, later, sooner, sameStart, best), 2))
                .extracting(s -> s.salon().salonId()).containsExactly("s4", "s1");
    }
}
