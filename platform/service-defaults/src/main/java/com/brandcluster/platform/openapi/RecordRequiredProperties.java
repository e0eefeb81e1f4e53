package com.brandcluster.platform.openapi;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Marks the fields of a record's schema as required when they are never null: primitives, and, in a
 * {@link NullMarked} class or package or in a record that marks any of its components {@link Nullable}, every
 * component not annotated {@code @Nullable}. A {@code @Nullable} component
 * is never required, whatever its validation annotations say. Everything else keeps swagger's reading (required when
 * a validation annotation such as {@code @NotNull} says so), so a generated client never takes a field for granted
 * that the service may leave out or send as null.
 */
final class RecordRequiredProperties implements ModelConverter {

    @Override
    public @Nullable Schema<?> resolve(AnnotatedType type, ModelConverterContext context,
                                       Iterator<ModelConverter> chain) {
        JavaType javaType = type.getType() == null ? null : Json.mapper().constructType(type.getType());
        if (javaType != null && (type.getName() == null || type.getName().isBlank()) && needsQualifiedName(javaType)) {
            type.name(schemaName(javaType));
        }
        Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (resolved == null || javaType == null) {
            return resolved;
        }
        Class<?> raw = javaType.getRawClass();
        if (!raw.isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved;
        if (resolved.get$ref() != null) {
            String ref = resolved.get$ref();
            model = context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (model != null && model.getProperties() != null) {
            markRequired(model, raw);
        }
        return resolved;
    }

    /**
     * Schemas are named after their classes, and many request and response records are nested
     * ({@code ClusterRequests.Create}, {@code Membership.Status}): a nested type (or a generic one with a nested type
     * argument) is named with its enclosing classes ({@code ClusterRequestsCreate}, {@code PageViewRegisterAuditEntry}),
     * so two {@code Create} records never share one schema.
     */
    private static boolean needsQualifiedName(JavaType type) {
        if (type.isContainerType() || type.isEnumType() || type.isPrimitive() || type.getRawClass().getName().startsWith("java.")) {
            return false;
        }
        if (type.getRawClass().getEnclosingClass() != null) {
            return true;
        }
        for (int i = 0; i < type.containedTypeCount(); i++) {
            if (needsQualifiedName(type.containedType(i))) {
                return true;
            }
        }
        return false;
    }

    static String schemaName(JavaType type) {
        StringBuilder name = new StringBuilder();
        if (!type.isContainerType()) {
            for (Class<?> c = type.getRawClass(); c != null; c = c.getEnclosingClass()) {
                name.insert(0, c.getSimpleName());
            }
        }
        else {
            name.append(type.getRawClass().getSimpleName());
        }
        for (int i = 0; i < type.containedTypeCount(); i++) {
            name.append(schemaName(type.containedType(i)));
        }
        return name.toString();
    }

    private static void markRequired(Schema<?> model, Class<?> record) {
        boolean nullMarked = nullMarked(record) || Arrays.stream(record.getRecordComponents()).anyMatch(
                component -> component.getAnnotatedType().isAnnotationPresent(Nullable.class));
        List<String> required = new ArrayList<>(model.getRequired() == null ? List.of() : model.getRequired());
        for (RecordComponent component : record.getRecordComponents()) {
            String name = jsonName(record, component);
            if (!model.getProperties().containsKey(name)) {
                continue;
            }
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            if (nullable) {
                required.remove(name);
            }
            else if ((component.getType().isPrimitive() || nullMarked) && !required.contains(name)) {
                required.add(name);
            }
        }
        model.setRequired(required.isEmpty() ? null : required.stream().sorted().toList());
    }

    private static String jsonName(Class<?> record, RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        if (property == null) {
            try {
                property = record.getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
            }
            catch (NoSuchFieldException ex) {
                property = null;
            }
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static boolean nullMarked(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (marked(c)) {
                return true;
            }
        }
        return marked(type.getPackage());
    }

    private static boolean marked(@Nullable AnnotatedElement element) {
        return element != null && element.isAnnotationPresent(NullMarked.class);
    }
}
