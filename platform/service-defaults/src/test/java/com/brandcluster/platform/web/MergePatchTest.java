package com.brandcluster.platform.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MergePatchTest {

    record Contact(@NotBlank String name, String email) {
    }

    record Profile(@NotBlank @Size(max = 20) String name, String website, List<Contact> contacts) {
    }

    private static final Set<String> EDITABLE = Set.of("name", "website", "contacts");
    private static final Set<String> IMMUTABLE = Set.of("id");
    private static final Profile CURRENT = new Profile("Opal", "https://opple.example", List.of(new Contact("Li", null)));

    private final JsonMapper json = JsonMapper.builder().build();
    private final MergePatch mergePatch = new MergePatch(json,
            Validation.buildDefaultValidatorFactory().getValidator());

    private Profile apply(String patch) {
        ObjectNode checked = mergePatch.check(json.readTree(patch), EDITABLE, IMMUTABLE, "a test profile");
        return mergePatch.merge(CURRENT, checked, Profile.class);
    }

    @Test
    void leavesAbsentPropertiesClearsNullOnesAndReplacesTheRest() {
        assertThat(apply("{\"website\": null, \"name\": \"Opple\"}"))
                .isEqualTo(new Profile("Opple", null, CURRENT.contacts()));
    }

    @Test
    void refusesImmutableAndUnknownTopLevelPropertiesByName() {
        assertThatExceptionOfType(MergePatch.BadPatchException.class).isThrownBy(() -> apply("{\"id\": \"x\"}"))
                .satisfies(e -> assertThat(e.type()).isEqualTo("immutable-property"));
        assertThatExceptionOfType(MergePatch.BadPatchException.class).isThrownBy(() -> apply("{\"status\": \"x\"}"))
                .satisfies(e -> assertThat(e.detail()).contains("status"));
    }

    @Test
    void refusesUnknownNestedPropertiesWithTheirPath() {
        assertThatExceptionOfType(MergePatch.BadPatchException.class)
                .isThrownBy(() -> apply("{\"contacts\": [{\"name\": \"Li\", \"isAdmin\": true}]}"))
                .satisfies(e -> assertThat(e.detail()).contains("contacts[0].isAdmin"));
    }

    @Test
    void refusesValuesOfTheWrongShapeAndBodiesThatAreNotObjects() {
        assertThatExceptionOfType(MergePatch.BadPatchException.class).isThrownBy(() -> apply("{\"contacts\": 3}"))
                .satisfies(e -> assertThat(e.type()).isEqualTo("validation"));
        assertThatExceptionOfType(MergePatch.BadPatchException.class).isThrownBy(() -> apply("[1, 2]"))
                .satisfies(e -> assertThat(e.type()).isEqualTo("malformed-body"));
    }

    @Test
    void validatesTheMergedResultAsAWhole() {
        assertThatExceptionOfType(ConstraintViolationException.class).isThrownBy(() -> apply("{\"name\": \" \"}"));
    }
}
