package com.brandcluster.salons.expert;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExpertTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private static Expert.Profile profile(String timeZone) {
        return new Expert.Profile("  Li Wei ", " ", "Tsinghua", null, List.of(Topic.DESIGN, Topic.DESIGN),
                List.of("zh-cn", "zh-CN", "en-gb"), timeZone, List.of("lighting", "lighting"));
    }

    @Test
    void createsAProfileNormalisedAndIdentifiedByTheSubject() {
        Expert expert = Expert.create("sub-1", profile("Asia/Shanghai"), T0);

        assertThat(expert.id()).isEqualTo("sub-1");
        assertThat(expert.profile().name()).isEqualTo("Li Wei");
        assertThat(expert.profile().title()).isNull();
        assertThat(expert.profile().topics()).containsExactly(Topic.DESIGN);
        assertThat(expert.profile().languages()).containsExactly("zh-CN", "en-GB");
        assertThat(expert.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(expert.serves("lighting")).isTrue();
        assertThat(expert.serves("coal")).isFalse();
        assertThat(expert.createdAt()).isEqualTo(T0);
    }

    @Test
    void updateReplacesTheProfileAndReportsWhetherAnythingChanged() {
        Expert expert = Expert.create("sub-1", profile("Asia/Shanghai"), T0);
        Instant later = T0.plusSeconds(60);

        assertThat(expert.update(profile("Asia/Shanghai"), later)).isFalse();
        assertThat(expert.updatedAt()).isEqualTo(T0);
        assertThat(expert.update(profile("Europe/Berlin"), later)).isTrue();
        assertThat(expert.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(expert.updatedAt()).isEqualTo(later);
    }

    @Test
    void languageTagsAndZonesAreValidatedStrictly() {
        assertThat(LanguageTag.Validator.parse("zh-Hans-CN")).isNotNull();
        assertThat(LanguageTag.Validator.parse("en_US")).isNull();
        assertThat(LanguageTag.Validator.parse("")).isNull();
        assertThat(IanaZone.Validator.parse("America/New_York")).contains(ZoneId.of("America/New_York"));
        assertThat(IanaZone.Validator.parse("+08:00")).isEmpty();
        assertThat(IanaZone.Validator.parse("Mars/Base")).isEmpty();
    }
}
