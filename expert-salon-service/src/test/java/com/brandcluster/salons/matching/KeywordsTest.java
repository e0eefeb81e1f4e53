package com.brandcluster.salons.matching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordsTest {

    @Test
    void keepsTheMeaningfulWordsLowerCasedAndSingular() {
        assertThat(Keywords.of("Pricing our LED Lamps: export prices, the 2026 packaging & e-commerce plans!"))
                .containsExactly("commerce", "export", "lamp", "led", "packaging", "plan", "price", "pricing");
    }

    @Test
    void dropsTheWordsEveryBrandClusterTextUses() {
        assertThat(Keywords.of("Our brand needs help: the cluster brands of member enterprises and companies"))
                .isEmpty();
    }

    @Test
    void keepsWordsEndingInDoubleS() {
        assertThat(Keywords.of("Business process access")).containsExactly("access", "process");
    }

    @Test
    void splitsChineseIntoOverlappingPairsWithoutTheCommonOnes() {
        assertThat(Keywords.of("品牌定价，出口")).containsExactly("出口", "定价", "牌定");
        assertThat(Keywords.of("照明品牌 design")).containsExactly("design", "明品", "照明");
    }

    @Test
    void aSingleHanCharacterOrNothingGivesNoKeyword() {
        assertThat(Keywords.of("价")).isEmpty();
        assertThat(Keywords.of(null)).isEmpty();
        assertThat(Keywords.of("  ,.; ")).isEmpty();
    }
}
