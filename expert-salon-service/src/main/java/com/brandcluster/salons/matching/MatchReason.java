package com.brandcluster.salons.matching;

import org.jspecify.annotations.NullMarked;

import java.util.List;

/**
 * Why a match scores what it scores on one signal: the same shape for experts and salons.
 *
 * @param signal what was compared
 * @param points what it adds to the score (0 when nothing matched)
 * @param values what matched: topic names, language tags, cluster ids, keywords, or a slot's start (ISO-8601 UTC);
 *               empty when nothing did
 * @param detail the same in a sentence, for people
 */
@NullMarked
record MatchReason(Signal signal, int points, List<String> values, String detail) {

    enum Signal {
        /** needed topics the expert covers, or that the salon's experts cover */
        TOPICS,
        /** preferred languages the expert speaks */
        LANGUAGE,
        /** clusters of the enterprise the expert serves */
        CLUSTER,
        /** the expert's first free consultation slot */
        AVAILABILITY,
        /** words of the needs found in the salon's theme, title or description */
        KEYWORDS
    }

    MatchReason {
        values = List.copyOf(values);
    }
}
