package com.brandcluster.events.board;

import com.brandcluster.platform.web.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostTest {

    private static final Instant NOW = Instant.parse("2026-05-04T02:00:00.123456Z");
    private static final Duration YEAR = Duration.ofDays(365);

    @Test
    void aNewPostIsOpenWithItsContentNormalisedAndIndexed() {
        Post post = open(content(NOW.plus(Duration.ofDays(30)), " cn-gd ", "LED", " smart   lighting ", "led"));

        assertThat(post.status(NOW)).isEqualTo(PostStatus.OPEN);
        assertThat(post.content().region()).isEqualTo("CN-GD");
        assertThat(post.regionCountry()).isEqualTo("CN");
        assertThat(post.content().tags()).containsExactly("LED", "smart lighting");
        assertThat(post.tagKeys()).containsExactly("led", "smart lighting");
        assertThat(post.content().title()).isEqualTo("LED drivers wanted");
        assertThat(post.keywords()).containsExactly("led", "drivers", "wanted", "路灯", "灯驱", "驱动");
        assertThat(post.content().validUntil().getNano() % 1_000_000).isZero();
    }

    @Test
    void aPostMustBeValidInTheFutureAndAtMostAYearAhead() {
        assertThatThrownBy(() -> open(content(NOW, "CN"))).isInstanceOf(InvalidPostException.class);
        assertThatThrownBy(() -> open(content(NOW.minusSeconds(1), "CN"))).isInstanceOf(InvalidPostException.class);
        assertThatThrownBy(() -> open(content(NOW.plus(YEAR).plusSeconds(1), "CN")))
                .isInstanceOf(InvalidPostException.class).hasMessageContaining("365 days");

        assertThat(open(content(NOW.plus(YEAR), "CN")).status(NOW)).isEqualTo(PostStatus.OPEN);
    }

    @Test
    void anOpenPostIsExpiredFromTheInstantItsValidityEnds() {
        Instant until = NOW.plus(Duration.ofDays(1));
        Post post = open(content(until, "CN"));

        assertThat(post.status(until.minusMillis(1))).isEqualTo(PostStatus.OPEN);
        assertThat(post.isOpenAt(until)).isFalse();
        assertThat(post.status(until)).isEqualTo(PostStatus.EXPIRED);
    }

    @Test
    void anExpiredPostIsRenewedByANewValidityButNotEditedOtherwise() {
        Post post = open(content(NOW.plus(Duration.ofDays(1)), "CN"));
        Instant later = NOW.plus(Duration.ofDays(2));

        assertThatThrownBy(() -> post.revise(content(NOW.plus(Duration.ofDays(1)), "CN-ZJ"), later, YEAR))
                .isInstanceOf(InvalidPostException.class);
        assertThat(post.content().region()).isEqualTo("CN");

        assertThat(post.revise(content(later.plus(Duration.ofDays(10)), "CN-ZJ"), later, YEAR)).isTrue();
        assertThat(post.status(later)).isEqualTo(PostStatus.OPEN);
        assertThat(post.content().region()).isEqualTo("CN-ZJ");
        assertThat(post.regionCountry()).isEqualTo("CN");
        assertThat(post.updatedAt()).isEqualTo(later);
    }

    @Test
    void aRevisionThatChangesNothingIsNoChange() {
        Post post = open(content(NOW.plus(Duration.ofDays(1)), "CN"));

        assertThat(post.revise(content(NOW.plus(Duration.ofDays(1)), "cn"), NOW.plusSeconds(5), YEAR)).isFalse();
        assertThat(post.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aWithdrawnPostCanNeitherBeEditedNorWithdrawnAgainButCanStillBeRemoved() {
        Post post = open(content(NOW.plus(Duration.ofDays(1)), "CN"));
        post.withdraw("user-1", NOW);

        assertThat(post.status(NOW)).isEqualTo(PostStatus.WITHDRAWN);
        assertThatThrownBy(() -> post.withdraw("user-1", NOW)).isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).properties())
                        .containsEntry("currentState", "WITHDRAWN"));
        assertThatThrownBy(() -> post.revise(content(NOW.plus(Duration.ofDays(3)), "CN"), NOW, YEAR))
                .isInstanceOf(ConflictException.class);

        post.remove(" Misleading offer ", "secretariat-1", NOW.plusSeconds(1));
        assertThat(post.status(NOW)).isEqualTo(PostStatus.REMOVED);
        assertThat(post.removalReason()).isEqualTo("Misleading offer");
        assertThat(post.closedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void aRemovedPostStaysRemoved() {
        Post post = open(content(NOW.plus(Duration.ofDays(1)), "CN"));
        post.remove("Spam", "secretariat-1", NOW);

        assertThatThrownBy(() -> post.remove("Again", "secretariat-2", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> post.withdraw("user-1", NOW)).isInstanceOf(ConflictException.class);
        assertThat(post.removalReason()).isEqualTo("Spam");
    }

    @Test
    void aNeedIsAnsweredByOffersAndAnOfferByNeeds() {
        assertThat(PostKind.NEED.opposite()).isEqualTo(PostKind.OFFER);
        assertThat(PostKind.OFFER.opposite()).isEqualTo(PostKind.NEED);
        assertThat(PostCategory.PROCUREMENT.related()).containsExactly(PostCategory.SUPPLY);
        assertThat(PostCategory.SUPPLY.related()).containsExactly(PostCategory.PROCUREMENT);
        assertThat(PostCategory.BRANDING.related()).isEmpty();
    }

    private static Post open(Post.Content content) {
        return Post.open("p-1", "lighting", "ent-1", "Opal Lighting", PostKind.NEED, content, "user-1", NOW, YEAR);
    }

    private static Post.Content content(Instant validUntil, String region, String... tags) {
        return new Post.Content(PostCategory.SUPPLY, "  LED drivers wanted ", "路灯驱动", region, validUntil,
                List.of(tags));
    }
}
