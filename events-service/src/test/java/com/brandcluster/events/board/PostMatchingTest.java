package com.brandcluster.events.board;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PostMatchingTest {

    private static final Instant NOW = Instant.parse("2026-05-04T02:00:00Z");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Test
    void aNeedIsMatchedByOffersOfOtherEnterprisesOnly() {
        Post need = post("ent-a", PostKind.NEED, PostCategory.SUPPLY, "LED drivers", "CN-GD", 0);
        Post offer = post("ent-b", PostKind.OFFER, PostCategory.SUPPLY, "LED drivers", "CN-GD", 1);
        Post otherNeed = post("ent-c", PostKind.NEED, PostCategory.SUPPLY, "LED drivers", "CN-GD", 2);
        Post ownOffer = post("ent-a", PostKind.OFFER, PostCategory.SUPPLY, "LED drivers", "CN-GD", 3);

        assertThat(PostMatching.rank(need, List.of(offer, otherNeed, ownOffer), 10))
                .extracting(PostMatching.Match::post).containsExactly(offer);
        assertThat(PostMatching.rank(offer, List.of(need, otherNeed, ownOffer), 10))
                .extracting(PostMatching.Match::post).containsExactly(otherNeed, need);
    }

    @Test
    void everyReasonIsNamedWithItsPointsAndTheScoreIsTheirSum() {
        Post need = post("ent-a", PostKind.NEED, PostCategory.SUPPLY, "Outdoor LED drivers", "CN-GD", 0,
                "IP67", "Street lighting");
        Post offer = post("ent-b", PostKind.OFFER, PostCategory.SUPPLY, "LED drivers for street lamps", "CN-GD", 1,
                "street  LIGHTING", "ip67", "OEM");

        PostMatching.Match match = PostMatching.match(need, offer);

        assertThat(match.reasons()).containsExactly(
                new PostMatching.Reason("SAME_CATEGORY", PostMatching.SAME_CATEGORY, List.of("SUPPLY")),
                new PostMatching.Reason("SHARED_TAGS", 2 * PostMatching.PER_SHARED_TAG,
                        List.of("street LIGHTING", "ip67")),
                new PostMatching.Reason("SHARED_KEYWORDS", 2 * PostMatching.PER_SHARED_KEYWORD,
                        List.of("led", "drivers")),
                new PostMatching.Reason("SAME_REGION", PostMatching.SAME_REGION, List.of("CN-GD")));
        assertThat(match.score()).isEqualTo(PostMatching.SAME_CATEGORY + 2 * PostMatching.PER_SHARED_TAG
                + 2 * PostMatching.PER_SHARED_KEYWORD + PostMatching.SAME_REGION);
    }

    @Test
    void aChineseNeedFindsTheChineseOfferThatSharesItsTermsAndSaysWhichTerms() {
        Post need = post("p-need", "ent-a", PostKind.NEED, PostCategory.PROCUREMENT, "采购路灯驱动电源",
                "寻找LED路灯驱动电源供应商，要求通过CCC认证，年需求约五万套。", "CN-ZJ", 0);
        Post offer = post("p-offer", "ent-b", PostKind.OFFER, PostCategory.SUPPLY, "户外路灯驱动电源",
                "我司生产户外路灯驱动电源，已获CCC认证，可批量供货。", "CN-GD", 1);
        Post unrelated = post("p-finance", "ent-c", PostKind.OFFER, PostCategory.FINANCE, "应收账款融资",
                "为会员提供保理与贷款服务。", "CN-ZJ", 2);

        List<PostMatching.Match> matches = PostMatching.rank(need, List.of(unrelated, offer), 10);

        assertThat(matches).extracting(PostMatching.Match::post).containsExactly(offer);
        PostMatching.Match match = matches.getFirst();
        assertThat(match.reasons()).extracting(PostMatching.Reason::code)
                .containsExactly("RELATED_CATEGORY", "SHARED_KEYWORDS", "SAME_COUNTRY");
        assertThat(match.reasons().get(0).values()).containsExactly("PROCUREMENT", "SUPPLY");
        assertThat(match.reasons().get(1).values()).containsExactly("路灯驱动电源", "ccc", "认证");
        assertThat(match.reasons().get(2).values()).containsExactly("CN");
    }

    @Test
    void aCountryWidePostIsInTheSameCountryAsAProvince() {
        Post need = post("ent-a", PostKind.NEED, PostCategory.LOGISTICS, "Cold chain", "CN-GD", 0);
        Post nationwide = post("ent-b", PostKind.OFFER, PostCategory.LOGISTICS, "Cold chain", "CN", 1);
        Post abroad = post("ent-c", PostKind.OFFER, PostCategory.LOGISTICS, "Cold chain", "DE-BY", 2);

        assertThat(PostMatching.match(need, nationwide).reasons()).extracting(PostMatching.Reason::code)
                .contains("SAME_COUNTRY");
        assertThat(PostMatching.match(need, abroad).reasons()).extracting(PostMatching.Reason::code)
                .doesNotContain("SAME_REGION", "SAME_COUNTRY");
    }

    @Test
    void aRegionOrTheCatchAllCategoryAloneIsNoMatch() {
        Post need = post("ent-a", PostKind.NEED, PostCategory.OTHER, "Exhibition booth partner", "CN-GD", 0);
        Post sameRegionOnly = post("ent-b", PostKind.OFFER, PostCategory.FINANCE, "Factoring", "CN-GD", 1);
        Post otherOnly = post("ent-c", PostKind.OFFER, PostCategory.OTHER, "Translation services", "CN-GD", 2);
        Post otherAndTerm = post("ent-d", PostKind.OFFER, PostCategory.OTHER, "Booth sharing", "CN-GD", 3);

        assertThat(PostMatching.match(need, sameRegionOnly)).isNull();
        assertThat(PostMatching.match(need, otherOnly)).isNull();
        assertThat(PostMatching.match(need, otherAndTerm)).isNotNull();
    }

    @Test
    void categoryOutranksTermsAndTermsOutrankRegion() {
        Post need = post("ent-a", PostKind.NEED, PostCategory.CERTIFICATION, "CCC certification testing", "CN-GD",
                0);
        Post sameCategory = post("ent-b", PostKind.OFFER, PostCategory.CERTIFICATION, "Testing laboratory", "CN-SH",
                1);
        Post relatedTerms = post("ent-c", PostKind.OFFER, PostCategory.TECHNOLOGY, "Certification software", "CN-GD",
                2);

        assertThat(PostMatching.rank(need, List.of(relatedTerms, sameCategory), 10))
                .extracting(PostMatching.Match::post).containsExactly(sameCategory, relatedTerms);
    }

    @Test
    void sharedTagsAndKeywordsCountUpToTheirCaps() {
        Post need = post("ent-a", PostKind.NEED, PostCategory.MARKETING,
                "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima", "CN", 0,
                "t1", "t2", "t3", "t4", "t5");
        Post offer = post("ent-b", PostKind.OFFER, PostCategory.MARKETING,
                "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima", "CN", 1,
                "t1", "t2", "t3", "t4", "t5");

        PostMatching.Match match = PostMatching.match(need, offer);

        assertThat(match.reasons().get(1).points())
                .isEqualTo(PostMatching.PER_SHARED_TAG * PostMatching.MAX_SHARED_TAGS);
        assertThat(match.reasons().get(1).values()).hasSize(5);
        assertThat(match.reasons().get(2).points())
                .isEqualTo(PostMatching.PER_SHARED_KEYWORD * PostMatching.MAX_SHARED_KEYWORDS);
        assertThat(match.reasons().get(2).values()).hasSize(10);
    }

    @Test
    void equalScoresAreOrderedNewestFirstThenByIdSoTheListIsAlwaysTheSame() {
        Post need = post("ent-a", PostKind.NEED, PostCategory.TALENT, "Optical engineers", "CN-GD", 0);
        Post older = post("ent-b", PostKind.OFFER, PostCategory.TALENT, "Optical engineers", "CN-GD", 1);
        Post newerB = post("p-b", "ent-c", PostKind.OFFER, PostCategory.TALENT, "Optical engineers", "-", "CN-GD", 2);
        Post newerA = post("p-a", "ent-d", PostKind.OFFER, PostCategory.TALENT, "Optical engineers", "-", "CN-GD", 2);

        assertThat(PostMatching.rank(need, List.of(older, newerB, newerA), 10))
                .extracting(PostMatching.Match::post).containsExactly(newerA, newerB, older);
        assertThat(PostMatching.rank(need, List.of(newerA, older, newerB), 10))
                .extracting(PostMatching.Match::post).containsExactly(newerA, newerB, older);
        assertThat(PostMatching.rank(need, List.of(older, newerB, newerA), 2))
                .extracting(PostMatching.Match::post).containsExactly(newerA, newerB);
    }

    /** A post created {@code minutesLater} after {@link #NOW}, valid for thirty days, with a blank description. */
    private static Post post(String enterpriseId, PostKind kind, PostCategory category, String title, String region,
                             int minutesLater, String... tags) {
        return post("p-" + SEQUENCE.incrementAndGet(), enterpriseId, kind, category, title, "-", region,
                minutesLater, tags);
    }

    private static Post post(String id, String enterpriseId, PostKind kind, PostCategory category, String title,
                             String description, String region, int minutesLater, String... tags) {
        Instant at = NOW.plus(Duration.ofMinutes(minutesLater));
        return Post.open(id, "lighting", enterpriseId, null, kind, new Post.Content(category, title, description,
                region, at.plus(Duration.ofDays(30)), List.of(tags)), "user", at, Duration.ofDays(365));
    }
}
