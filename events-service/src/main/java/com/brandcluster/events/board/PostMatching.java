package com.brandcluster.events.board;

import org.jspecify.annotations.NullMarked;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Ranks the posts on the other side of the board by how well they fit a post: a pure function of the two posts, so
 * the same board always gives the same list.
 * <p>
 * Points, and the reason that names them:
 * <ul>
 *   <li>{@code SAME_CATEGORY} {@value #SAME_CATEGORY}; or {@code RELATED_CATEGORY} {@value #RELATED_CATEGORY} for
 *       the two ends of one exchange (a PROCUREMENT need and a SUPPLY offer);</li>
 *   <li>{@code SHARED_TAGS} {@value #PER_SHARED_TAG} a shared tag, at most {@value #MAX_SHARED_TAGS} counted;</li>
 *   <li>{@code SHARED_KEYWORDS} {@value #PER_SHARED_KEYWORD} a shared key of title and description (a word or a
 *       character pair, {@link Keywords}), at most {@value #MAX_SHARED_KEYWORDS} counted;</li>
 *   <li>{@code SAME_REGION} {@value #SAME_REGION} for the same region code; or {@code SAME_COUNTRY}
 *       {@value #SAME_COUNTRY} when the regions lie in one country (a country-wide post covers its provinces).</li>
 * </ul>
 * A region alone, or the catch-all category OTHER alone, makes no match. Ties go to the newer post, then the smaller
 * id.
 */
final class PostMatching {

    static final int SAME_CATEGORY = 40;
    static final int RELATED_CATEGORY = 20;
    static final int PER_SHARED_TAG = 12;
    static final int MAX_SHARED_TAGS = 3;
    static final int PER_SHARED_KEYWORD = 4;
    static final int MAX_SHARED_KEYWORDS = 10;
    static final int SAME_REGION = 15;
    static final int SAME_COUNTRY = 5;

    /** How many terms a reason lists at most (the points count all that are counted). */
    private static final int TERMS_SHOWN = 10;

    private static final Comparator<Match> BEST_FIRST = Comparator.comparingInt(Match::score).reversed()
            .thenComparing(m -> m.post().createdAt(), Comparator.reverseOrder())
            .thenComparing(m -> m.post().id());

    private PostMatching() {
    }

    /** Why a candidate fits: the reason's code, the points it gives, what it is about (categories, terms, regions). */
    @NullMarked
    record Reason(String code, int points, List<String> values) {
    }

    record Match(Post post, int score, List<Reason> reasons) {
    }

    /**
     * The candidates that fit {@code subject}, best first, at most {@code limit}. Candidates on the same side or of
     * the same enterprise are never matches, whatever the caller passed.
     */
    static List<Match> rank(Post subject, Collection<Post> candidates, int limit) {
        return candidates.stream()
                .filter(c -> c.kind() == subject.kind().opposite() && !c.enterpriseId().equals(subject.enterpriseId()))
                .map(c -> match(subject, c))
                .filter(Objects::nonNull)
                .sorted(BEST_FIRST)
                .limit(limit)
                .toList();
    }

    /** How the candidate fits the subject; null when it does not. */
    static Match match(Post subject, Post candidate) {
        List<Reason> reasons = new ArrayList<>();
        boolean substantive = false;

        PostCategory wanted = subject.content().category();
        PostCategory offered = candidate.content().category();
        if (wanted == offered) {
            reasons.add(new Reason("SAME_CATEGORY", SAME_CATEGORY, List.of(wanted.name())));
            substantive = wanted != PostCategory.OTHER;
        } else if (wanted.related().contains(offered)) {
            reasons.add(new Reason("RELATED_CATEGORY", RELATED_CATEGORY, List.of(wanted.name(), offered.name())));
            substantive = true;
        }

        List<String> sharedTags = shared(subject.tagKeys(), candidate.tagKeys());
        if (!sharedTags.isEmpty()) {
            List<String> shown = candidate.content().tags().stream()
                    .filter(tag -> sharedTags.contains(Keywords.normalise(tag))).toList();
            reasons.add(new Reason("SHARED_TAGS", PER_SHARED_TAG * Math.min(sharedTags.size(), MAX_SHARED_TAGS),
                    shown));
            substantive = true;
        }

        List<String> sharedKeys = shared(subject.keywords(), candidate.keywords());
        if (!sharedKeys.isEmpty()) {
            List<String> phrases = Keywords.phrases(
                    List.of(candidate.content().title(), candidate.content().description()), Set.copyOf(sharedKeys));
            reasons.add(new Reason("SHARED_KEYWORDS",
                    PER_SHARED_KEYWORD * Math.min(sharedKeys.size(), MAX_SHARED_KEYWORDS),
                    phrases.subList(0, Math.min(phrases.size(), TERMS_SHOWN))));
            substantive = true;
        }

        if (!substantive) {
            return null;
        }
        if (subject.content().region().equals(candidate.content().region())) {
            reasons.add(new Reason("SAME_REGION", SAME_REGION, List.of(candidate.content().region())));
        } else if (subject.regionCountry().equals(candidate.regionCountry())) {
            reasons.add(new Reason("SAME_COUNTRY", SAME_COUNTRY, List.of(candidate.regionCountry())));
        }
        int score = reasons.stream().mapToInt(Reason::points).sum();
        return new Match(candidate, score, List.copyOf(reasons));
    }

    private static List<String> shared(List<String> mine, List<String> theirs) {
        Set<String> common = new LinkedHashSet<>(mine);
        common.retainAll(Set.copyOf(theirs));
        return List.copyOf(common);
    }
}
