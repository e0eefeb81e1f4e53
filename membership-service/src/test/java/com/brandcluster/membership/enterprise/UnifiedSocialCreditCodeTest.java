package com.brandcluster.membership.enterprise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L", "914403001922038216", "91440300MA5DC12341"})
    void acceptsCodesWhoseCheckCharacterIsRight(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
        assertThat(new UnifiedSocialCreditCode(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y44",   // wrong check character
            "91350100M000100Y4",    // 17 characters
            "91350100M000100Y431",  // 19 characters
            "91350100M00010OY43",   // O is not in the alphabet
            "91350100I000100Y43",   // neither is I
            "913501-0M000100Y43",
            ""})
    void refusesMalformedCodesAndWrongCheckCharacters(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new UnifiedSocialCreditCode(code));
    }

    @Test
    void parsesWhatPeopleTypeIgnoringBlanksAndCase() {
        assertThat(UnifiedSocialCreditCode.parse("  91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void computesTheCheckCharacterWrappingThirtyOneToZero() {
        // a weighted sum that is a multiple of 31 gives the check character '0'
        assertThat(UnifiedSocialCreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void nullIsNotACode() {
        assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
    }
}
