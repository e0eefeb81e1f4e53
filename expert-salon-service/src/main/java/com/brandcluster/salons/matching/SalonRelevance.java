package com.brandcluster.salons.matching;

import com.brandcluster.salons.expert.Topic;
import com.brandcluster.salons.matching.MatchReason.Signal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which upcoming salons suit an enterprise's needs: a pure function of the needs and the facts of each salon. A salon
 * is relevant when its experts cover a needed topic or when its theme, title or description shares keywords
 * ({@link Keywords}) with the needs' description and topics. Its score, with both signals always reported in this
 * order:
 * <ol>
 *     <li>{@code TOPICS}: {@value #TOPIC_POINTS} points per needed topic one of its experts covers;</li>
 *     <li>{@code KEYWORDS}: {@value #KEYWORD_POINTS} points per shared keyword, at most {@value #MAX_KEYWORDS}
 *     counted (a long description must not drown the topics).</li>
 * </ol>
 * Ties go to the salon that starts first, then to the salon id.
 */
final class SalonRelevance {

    static final int TOPIC_POINTS = 20;
    static final int KEYWORD_POINTS = 10;
    static final int MAX_KEYWORDS = 5;

    /** What of a salon is compared: its words, and the topics of its experts. */
    record Candidate(String salonId, Instant startsAt, String theme, String title, String description,
                     Set<Topic> expertTopics) {
    }

    record Suggested(Candidate salon, int score, List<MatchReason> reasons) {
    }

    private static final Comparator<Suggested> ORDER = Comparator.comparingInt(Suggested::score).reversed()
            .thenComparing(suggested -> suggested.salon().startsAt())
            .thenComparing(suggested -> suggested.salon().salonId());

    private final Set<Topic> topics;
    private final Set<String> keywords;

    SalonRelevance(Needs needs) {
        this.topics = Set.copyOf(needs.topics());
        Set<String> words = new TreeSet<>(Keywords.of(needs.description()));
        // a topic's name as words: BRAND_STRATEGY reads "brand strategy"
        needs.topics().forEach(topic -> words.addAll(Keywords.of(topic.name().replace('_', ' '))));
        this.keywords = Set.copyOf(words);
    }

    /** The relevant salons, best first, at most {@code limit}. */
    List<Suggested> suggest(List<Candidate> salons, int limit) {
        return salons.stream().map(this::score).filter(suggested -> suggested.score() > 0).sorted(ORDER)
                .limit(limit).toList();
    }

    Suggested score(Candidate salon) {
        List<String> viaExperts = salon.expertTopics().stream().filter(topics::contains).map(Topic::name).sorted()
                .toList();
        MatchReason topicReason = new MatchReason(Signal.TOPICS, TOPIC_POINTS * viaExperts.size(), viaExperts,
                viaExperts.isEmpty() ? "None of its experts covers a needed topic."
                        : "Its experts cover " + String.join(", ", viaExperts) + ".");
        Set<String> salonWords = new TreeSet<>(Keywords.of(salon.theme()));
        salonWords.addAll(Keywords.of(salon.title()));
        salonWords.addAll(Keywords.of(salon.description()));
        List<String> shared = salonWords.stream().filter(keywords::contains).toList();
        MatchReason keywordReason = new MatchReason(Signal.KEYWORDS,
                KEYWORD_POINTS * Math.min(shared.size(), MAX_KEYWORDS), shared, shared.isEmpty()
                ? "Its theme, title and description share no keyword with the needs."
                : "Its theme, title or description speak of " + String.join(", ", shared) + ".");
        return new Suggested(salon, topicReason.points() + keywordReason.points(), List.of(topicReason, keywordReason));
    }
}
