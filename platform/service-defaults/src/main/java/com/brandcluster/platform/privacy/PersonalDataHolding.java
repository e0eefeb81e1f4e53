package com.brandcluster.platform.privacy;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One MongoDB collection that holds personal data, and what erasure does to its documents.
 *
 * @param collection    the collection
 * @param subjectFields the (dotted) fields that may hold a person's subject, to find their documents
 * @param emailFields   the (dotted) fields that may hold a person's e-mail address (lower case)
 * @param erasure       what erasure does to a document found
 * @param versionField  the document's optimistic-lock field ({@code @Version}), incremented by an anonymisation so
 *                      that a concurrent save of a stale copy fails instead of restoring the data; null for none
 * @param setOnErasure  top-level fields an anonymisation also sets (a directory entry's {@code linked: false})
 */
public record PersonalDataHolding(String collection, List<String> subjectFields, List<String> emailFields,
                                  Erasure erasure, @Nullable String versionField, Map<String, Object> setOnErasure) {

    /** What erasure does to a document of the person. */
    public enum Erasure {
        /** The document is the person's alone (an inbox entry, a preference, a profile): it goes. */
        DELETE,
        /**
         * The document is also another's fact or counts in an aggregate (an enterprise's registration, a
         * consultation, a download): it stays, with the subject replaced by the pseudonym, e-mail addresses removed
         * and the person's names replaced by "Erased user".
         */
        ANONYMISE
    }

    public PersonalDataHolding {
        subjectFields = List.copyOf(subjectFields);
        emailFields = List.copyOf(emailFields);
        setOnErasure = Map.copyOf(setOnErasure);
        if (subjectFields.isEmpty() && emailFields.isEmpty()) {
            throw new IllegalArgumentException(collection + ": name at least one field that identifies a person");
        }
    }

    /** Every field that finds a person's documents: the subject fields, then the e-mail fields. */
    public List<String> fields() {
        List<String> fields = new java.util.ArrayList<>(subjectFields);
        fields.addAll(emailFields);
        return fields;
    }

    /** Documents that are the person's alone, found by these subject fields. */
    public static PersonalDataHolding delete(String collection, String... subjectFields) {
        return new PersonalDataHolding(collection, List.of(subjectFields), List.of(), Erasure.DELETE, null, Map.of());
    }

    /** Documents that are the person's alone, found by these e-mail fields (mails to them). */
    public static PersonalDataHolding deleteByEmail(String collection, String... emailFields) {
        return new PersonalDataHolding(collection, List.of(), List.of(emailFields), Erasure.DELETE, null, Map.of());
    }

    /** Documents that stay, anonymised; found by these subject fields. */
    public static PersonalDataHolding anonymise(String collection, @Nullable String versionField,
                                                String... subjectFields) {
        return new PersonalDataHolding(collection, List.of(subjectFields), List.of(), Erasure.ANONYMISE, versionField,
                Map.of());
    }

    /** The same holding, also found by these e-mail fields. */
    public PersonalDataHolding withEmails(String... fields) {
        return new PersonalDataHolding(collection, subjectFields, List.of(fields), erasure, versionField,
                setOnErasure);
    }

    /** The same holding, whose anonymisation also sets this top-level field. */
    public PersonalDataHolding settingOnErasure(String field, Object value) {
        Map<String, Object> set = new java.util.LinkedHashMap<>(setOnErasure);
        set.put(field, value);
        return new PersonalDataHolding(collection, subjectFields, emailFields, erasure, versionField, set);
    }
}
