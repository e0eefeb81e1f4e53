package com.brandcluster.platform.openapi;

import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import com.brandcluster.platform.web.PageView;

import static org.assertj.core.api.Assertions.assertThat;

class RecordRequiredPropertiesTest {

    record Marked(int count, String name, List<String> tags, @Nullable String note) {
    }

    record Unmarked(int count, String name) {
    }

    static class Other {
        record Marked(long total) {
        }
    }

    @Test
    void requiresTheComponentsOfARecordThatMarksItsNullableOnesExceptThose() {
        Schema<?> schema = schemas(Marked.class).get("RecordRequiredPropertiesTestMarked");

        assertThat(schema.getRequired()).containsExactly("count", "name", "tags");
    }

    @Test
    void requiresOnlyPrimitivesWhenNothingSaysWhatMayBeNull() {
        Schema<?> schema = schemas(Unmarked.class).get("RecordRequiredPropertiesTestUnmarked");

        assertThat(schema.getRequired()).containsExactly("count");
    }

    @Test
    void namesNestedTypesWithTheirEnclosingClassesSoThatNamesakesStayApart() {
        assertThat(schemas(Other.Marked.class)).containsKey("RecordRequiredPropertiesTestOtherMarked");
        assertThat(schemas(Marked.class)).containsKey("RecordRequiredPropertiesTestMarked");
    }

    @Test
    void namesAGenericPageAfterItsQualifiedContent() {
        record Holder(PageView<Marked> page) {
        }
        Map<String, Schema> schemas = schemas(Holder.class);

        assertThat(schemas).containsKey("PageViewRecordRequiredPropertiesTestMarked");
    }

    private static Map<String, Schema> schemas(Class<?> type) {
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(new RecordRequiredProperties());
        return converters.readAll(new AnnotatedType(type));
    }
}
