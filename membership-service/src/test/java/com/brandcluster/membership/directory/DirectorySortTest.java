package com.brandcluster.membership.directory;

import com.brandcluster.platform.web.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DirectorySortTest {

    @Test
    void sortsByNameAscendingUnlessToldOtherwise() {
        assertThat(DirectorySort.parse(null)).isEqualTo(DirectorySort.DEFAULT);
        assertThat(DirectorySort.parse("")).isEqualTo(new DirectorySort(DirectorySort.Field.NAME, false));
        assertThat(DirectorySort.parse("memberNumber,desc"))
                .isEqualTo(new DirectorySort(DirectorySort.Field.MEMBER_NUMBER, true));
        assertThat(DirectorySort.parse("admittedAt,ASC"))
                .isEqualTo(new DirectorySort(DirectorySort.Field.ADMITTED_AT, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "validUntil", "contacts.email", "name,sideways", "name,desc,asc", "$where"})
    void refusesFieldsOutsideTheWhitelistAndUnknownDirections(String sort) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> DirectorySort.parse(sort))
                .satisfies(e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("unknown-sort");
                    assertThat(e.properties().get("sortable")).isEqualTo(List.of("name", "memberNumber", "admittedAt"));
                });
    }

    @Test
    void ordersMemberNumbersBySeriesThenNumerically() {
        List<String> numbers = new ArrayList<>(List.of("LIGHT-2026-10000", "LIGHT-2026-0042", "LIGHT-2025-0999",
                "LIGHT-2026-9999", "LIGHT-2026-0007"));

        numbers.sort(DirectorySort::byMemberNumber);

        assertThat(numbers).containsExactly("LIGHT-2025-0999", "LIGHT-2026-0007", "LIGHT-2026-0042",
                "LIGHT-2026-9999", "LIGHT-2026-10000");
    }

    @Test
    void searchTextIsMatchedLiterally() {
        assertThat(Directory.escape("Foshan (Group) Co.*")).isEqualTo("Foshan \\(Group\\) Co\\.\\*");
        assertThat("Foshan (Group) Co.*").matches(Directory.escape("Foshan (Group) Co.*"));
        assertThat("Foshan Group Co").doesNotMatch(".*" + Directory.escape("(Group)") + ".*");
        assertThat(Directory.escape("光明照明")).isEqualTo("光明照明");
    }
}
