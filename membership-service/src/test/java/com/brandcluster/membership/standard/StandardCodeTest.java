package com.brandcluster.membership.standard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StandardCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"GB/T 29187-2012", "GB 4943.1-2011", "T/ZZB 0017-2016", "DB33/T 944-2014",
            "SB/T 10001-2019", "ISO 9001:2015", "ISO/IEC 27001:2022", "GB/T 31950-2015"})
    void acceptsCodesAsStandardsBodiesWriteThem(String code) {
        assertThat(StandardCode.parse(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gb/t 29187-2012|GB/T 29187-2012",
            "'  GB/T   29187-2012 '|GB/T 29187-2012",
            "t/zzb 0017-2016|T/ZZB 0017-2016"})
    void normalisesBlanksAndCase(String typed, String normalised) {
        assertThat(StandardCode.parse(typed).value()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GB/T", "GB/T 29187", "29187-2012", "GB/T29187-2012", "GB/T 29187-12",
            "GB/T 29187-2012; DROP", "<script>", "GB/T 29187-2012 extra", "G B/T 29187-2012"})
    void refusesAnythingElse(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> StandardCode.parse(code));
        assertThat(StandardCode.isValid(StandardCode.normalise(code))).isFalse();
    }
}
