package com.brandcluster.assets.asset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchKeysTest {

    @Test
    void givesWordsWithTheirPrefixesNormalisedAndLowerCased() {
        assertThat(SearchKeys.of("Ｇｕｉｄｅｌｉｎｅｓ 2026!")).containsExactly("gui", "guid", "guide", "guidel",
                "guideli", "guidelin", "guideline", "guidelines", "202", "2026");
    }

    @Test
    void givesEveryCharacterAndNeighbourPairOfChineseRuns() {
        assertThat(SearchKeys.of("品牌标志v2")).containsExactly("品", "牌", "品牌", "标", "牌标", "志", "标志", "v2");
    }

    @Test
    void leavesOutSingleLettersAndOverlongWords() {
        assertThat(SearchKeys.of("a " + "x".repeat(41))).isEmpty();
    }

    @Test
    void readsAQueryAsWholeKeysThatMustAllBePresent() {
        assertThat(SearchKeys.ofQuery("Guide 标志")).containsExactly("guide", "标", "志", "标志");
        assertThat(SearchKeys.of("Brand guidelines", "品牌标志")).containsAll(SearchKeys.ofQuery("guide 标志"));
        assertThat(SearchKeys.ofQuery("a")).isEmpty();
    }

    @Test
    void comparesTagsWhateverTheirCaseWidthOrSpacing() {
        assertThat(SearchKeys.tag("  Trade   ＦＡＩＲ ")).isEqualTo("trade fair");
    }
}
