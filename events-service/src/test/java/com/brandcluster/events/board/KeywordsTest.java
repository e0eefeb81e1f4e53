package com.brandcluster.events.board;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordsTest {

    @Test
    void wordsAreLowerCasedAndFullWidthFormsFolded() {
        assertThat(Keywords.of("ＬＥＤ Drivers, ISO９００１")).containsExactly("led", "drivers", "iso9001");
    }

    @Test
    void wordsEveryPostHasAndSingleLettersAreLeftOut() {
        assertThat(Keywords.of("We need a supplier for the LED drivers of our lamps"))
                .containsExactly("supplier", "led", "drivers", "lamps");
    }

    @Test
    void chineseTextGivesItsOverlappingCharacterPairs() {
        assertThat(Keywords.of("照明灯具")).containsExactly("照明", "明灯", "灯具");
    }

    @Test
    void scriptsAreSplitWhereTheyMeetAndPunctuationSeparates() {
        assertThat(Keywords.of("LED照明，COB光源。")).containsExactly("led", "照明", "cob", "光源");
    }

    @Test
    void commonPairsAreLeftOutWithThePairsStraddlingThemAndTheParticleBreaksARun() {
        assertThat(Keywords.of("我们需要提供")).isEmpty();
        assertThat(Keywords.of("照明企业品牌")).containsExactly("照明", "品牌");
        assertThat(Keywords.of("我们的灯具")).containsExactly("灯具");
        assertThat(Keywords.of("品牌的灯")).containsExactly("品牌", "灯");
    }

    @Test
    void aLoneCharacterIsItsOwnKey() {
        assertThat(Keywords.of("灯 / 光")).containsExactly("灯", "光");
        assertThat(Keywords.isSingleCharacter("灯")).isTrue();
        assertThat(Keywords.isSingleCharacter("灯具")).isFalse();
        assertThat(Keywords.isSingleCharacter("x")).isFalse();
    }

    @Test
    void japaneseAndKoreanArePairedToo() {
        assertThat(Keywords.of("照明メーカー")).contains("照明", "メー");
        assertThat(Keywords.of("조명기구")).containsExactly("조명", "명기", "기구");
    }

    @Test
    void twoChineseDescriptionsOfTheSameThingShareKeysThoughWordedDifferently() {
        List<String> need = Keywords.of("寻找LED路灯驱动电源供应商，要求通过CCC认证");
        List<String> offer = Keywords.of("我司生产户外路灯驱动电源，已获CCC认证，可批量供货");

        assertThat(need).contains("路灯", "驱动", "电源", "ccc", "认证");
        assertThat(offer).contains("路灯", "驱动", "电源", "ccc", "认证");
        assertThat(Keywords.of("高端红酒进口代理")).doesNotContainAnyElementsOf(need);
    }

    @Test
    void eachKeyOnceInOrderOfFirstAppearanceAcrossTexts() {
        assertThat(Keywords.of("LED lamps", "lamps and LED 灯具 灯具")).containsExactly("led", "lamps", "灯具");
    }

    @Test
    void nothingIsMadeOfNothing() {
        assertThat(Keywords.of((String) null)).isEmpty();
        assertThat(Keywords.of(" ,.!? ")).isEmpty();
    }

    @Test
    void sharedPairsAreJoinedBackIntoThePhraseTheyCameFrom() {
        Set<String> shared = Set.of("路灯", "灯驱", "驱动", "动电", "电源", "ccc", "认证");

        assertThat(Keywords.phrases(List.of("户外路灯驱动电源", "已获CCC认证，欢迎合作"), shared))
                .containsExactly("路灯驱动电源", "ccc", "认证");
    }

    @Test
    void aPhraseEndsWhereAPairIsNotShared() {
        Set<String> shared = Set.of("照明", "灯具");

        assertThat(Keywords.phrases(List.of("照明灯具"), shared)).containsExactly("照明", "灯具");
    }

    @Test
    void tagsAndFiltersAreComparedWithoutCaseWidthOrExtraSpaces() {
        assertThat(Keywords.normalise("  Smart   Lighting ")).isEqualTo("smart lighting");
        assertThat(Keywords.normalise("ＬＥＤ")).isEqualTo("led");
        assertThat(Keywords.normalise("路灯")).isEqualTo("路灯");
    }

    @Test
    void regionCodesAreIsoCountriesOrTheirSubdivisionsInAnyCase() {
        assertThat(RegionCode.Validator.isValid("CN")).isTrue();
        assertThat(RegionCode.Validator.isValid("cn-gd")).isTrue();
        assertThat(RegionCode.Validator.isValid("DE-BY")).isTrue();
        assertThat(RegionCode.Validator.isValid("XX")).isFalse();
        assertThat(RegionCode.Validator.isValid("Guangdong")).isFalse();
        assertThat(RegionCode.Validator.isValid("CN-GUANG")).isFalse();
        assertThat(RegionCode.Validator.canonical(" cn-zj ")).isEqualTo("CN-ZJ");
        assertThat(RegionCode.Validator.country("CN-ZJ")).isEqualTo("CN");
    }
}
