package com.brandcluster.platform.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * A JSON merge patch (RFC 7396) on the top-level properties of a resource whose editable form is a validated record.
 * A record cannot tell an absent property from a {@code null} one, so the patch is read as a JSON tree: every
 * property is checked against the editable ones ({@link #check}: an immutable or unknown one is a 400 naming it),
 * the patch is merged onto the current form, and the result is bound strictly (unknown nested properties refused)
 * and validated as a whole ({@link #merge}). Nothing reaches the caller unless all of it is valid.
 */
public final class MergePatch {

    private final JsonMapper json;
    private final Validator validator;

    public MergePatch(JsonMapper json, Validator validator) {
        this.json = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.validator = validator;
    }

    /**
     * Refuses a patch that is not a JSON object, or names a property that is immutable or not editable.
     *
     * @param what how the detail names the resource, e.g. "an enterprise"
     */
    public ObjectNode check(JsonNode patch, Set<String> editable, Set<String> immutable, String what) {
        if (patch == null || !patch.isObject()) {
            throw new BadPatchException("malformed-body", "Malformed request body",
                    "The request body must be a JSON object with the properties to change.", null, null);
        }
        for (String property : patch.propertyNames()) {
            if (immutable.contains(property)) {
                throw new BadPatchException("immutable-property", "Property cannot be changed",
                        "The property " + property + " of " + what + " cannot be changed.", property,
                        "cannot be changed");
            }
            if (!editable.contains(property)) {
                throw unknownProperty(property);
            }
        }
        return (ObjectNode) patch;
    }

    /** The current form with the (checked) patch applied, bound strictly and validated. */
    public <T> T merge(T current, ObjectNode patch, Class<T> type) {
        ObjectNode merged = json.valueToTree(current);
        patch.properties().forEach(p -> merged.set(p.getKey(), p.getValue()));
        T input;
        try {
            input = json.treeToValue(merged, type);
        } catch (UnrecognizedPropertyException e) {
            throw unknownProperty(path(e));
        } catch (JacksonException e) {
            throw new BadPatchException("validation", "Invalid request", "The request has invalid fields.", path(e),
                    "has a value of the wrong type or format");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }

    private static BadPatchException unknownProperty(String path) {
        return new BadPatchException("unknown-property", "Unknown property",
                "The request body has a property this endpoint does not accept: " + path + ".", path,
                "is not a known property");
    }

    private static String path(JacksonException e) {
        return Problems.jsonPath(e, "");
    }

    /** 400 for a patch that names a property it may not, or whose value has the wrong shape. */
    public static final class BadPatchException extends DomainException {

        BadPatchException(String type, String title, String detail, String field, String message) {
            super(HttpStatus.BAD_REQUEST, type, title, detail);
            if (field != null) {
                withProperty(Problems.ERRORS, List.of(new Problems.FieldError(field, message)));
            }
        }
    }
}
