package com.brandcluster.platform.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.brandcluster.contracts.membership.PersonErased;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.util.StringUtils;

/**
 * Finds, exports and erases a person's documents in the {@link PersonalDataHolding}s of one service.
 *
 * <p>A person is known by their subject and their e-mail addresses; a document is theirs when one of its values
 * (at any depth) is one of these. <b>Export</b> gives a document that is the person's alone (a
 * {@link PersonalDataHolding.Erasure#DELETE} holding) whole, and of a shared one only what is about the person: the
 * fields of each (sub-)document that names them directly, and of the others only the parts that name them, so that a
 * registration with several attendees shows the caller's attendee entry and not their colleagues'. Outbox entries
 * are left out.
 *
 * <p><b>Erasure</b> deletes the documents of {@link PersonalDataHolding.Erasure#DELETE} holdings and anonymises the
 * others, value by value: the subject becomes the pseudonym (also inside longer strings such as claim keys and
 * published event payloads), an e-mail address is removed (a field set to null, a list element dropped, inside
 * longer strings replaced by {@code erased}), and in a (sub-)document that names the person by an identity field
 * ({@code userId}, {@code subject}, {@code email}, {@code username}, {@code id}), their names, locale, phone and
 * position go too; a field {@code xName} or {@code xIdName}'s sibling of a matched {@code x}/{@code xId}
 * ({@code actorId} and {@code actorName}, {@code setBy} and {@code setByName}, {@code expertId} and
 * {@code expertName}) becomes "Erased user". Counts and references stay, so aggregates computed from the documents
 * give the same numbers.
 *
 * <p>Each document is rewritten with a compare-and-set on its whole previous content (and its optimistic-lock field
 * incremented), so a concurrent change is never overwritten: the rewrite is retried on the fresh document, and a
 * concurrent save of a stale copy fails on its version. Erasure is idempotent: run again, it finds nothing.
 */
public final class PersonalDataDocuments {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataDocuments.class);

    private static final Set<String> LEFT_OUT = Set.of("outbox", "_class");
    private static final Set<String> IDENTITY_KEYS = Set.of("userid", "subject", "email", "username", "id", "_id",
            "sub");
    private static final Set<String> NAME_KEYS = Set.of("name", "displayname", "fullname", "username",
            "recipientname");
    private static final Set<String> CLEARED_KEYS = Set.of("firstname", "lastname", "jobtitle", "position", "phone",
            "mobile", "locale");
    private static final String ERASED_TEXT = "erased";
    private static final int ATTEMPTS = 5;

    private final MongoOperations mongo;
    private final List<PersonalDataHolding> holdings;

    public PersonalDataDocuments(MongoOperations mongo, List<PersonalDataHolding> holdings) {
        this.mongo = mongo;
        this.holdings = List.copyOf(holdings);
    }

    public List<PersonalDataHolding> holdings() {
        return holdings;
    }

    /**
     * An index on every field that finds a person's documents, unless one already starts with it, so that an export
     * or an erasure never reads a whole collection; idempotent.
     */
    public void createIndexes() {
        for (PersonalDataHolding holding : holdings) {
            // the driver's own calls: Spring's index mapping would turn a nested "id" into "_id", which the
            // queries (on a collection without entity type) do not do
            MongoCollection<Document> collection = mongo.getCollection(holding.collection());
            Set<String> leading = new HashSet<>();
            collection.listIndexes().forEach(index ->
                    leading.add(index.get("key", Document.class).keySet().iterator().next()));
            for (String field : holding.fields()) {
                if (leading.add(field)) {
                    collection.createIndex(Indexes.ascending(field),
                            new IndexOptions().name("personal-data_" + field));
                }
            }
        }
    }

    /** One document's part about the person. */
    public record Item(String collection, String id, Map<String, Object> data) {
    }

    /** What an erasure did, per collection. */
    public record Outcome(Map<String, Integer> deleted, Map<String, Integer> anonymised) {

        public int total() {
            return deleted.values().stream().mapToInt(Integer::intValue).sum()
                    + anonymised.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    // --- export ------------------------------------------------------------------------------------------------

    /** What the holdings hold about the person, collection by collection. */
    public List<Item> export(String subject, Collection<String> emails) {
        Person person = new Person(subject, emails, "");
        List<Item> items = new ArrayList<>();
        for (PersonalDataHolding holding : holdings) {
            for (Document document : find(holding, person)) {
                Map<String, Object> about = holding.erasure() == PersonalDataHolding.Erasure.DELETE
                        ? whole(document) : about(document, person, true);
                if (about != null) {
                    items.add(new Item(holding.collection(), String.valueOf(document.get("_id")), about));
                }
            }
        }
        return items;
    }

    private @Nullable Map<String, Object> about(Document document, Person person, boolean top) {
        boolean direct = document.entrySet().stream()
                .anyMatch(e -> !LEFT_OUT.contains(e.getKey()) && names(e.getValue(), person));
        Map<String, Object> part = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (LEFT_OUT.contains(key)) {
                continue;
            }
            if (value instanceof Document nested) {
                Map<String, Object> nestedPart = about(nested, person, false);
                if (nestedPart != null) {
                    part.put(key, nestedPart);
                }
            }
            else if (value instanceof List<?> list && list.stream().anyMatch(Document.class::isInstance)) {
                List<Object> elements = new ArrayList<>();
                for (Object element : list) {
                    if (element instanceof Document nested) {
                        Map<String, Object> nestedPart = about(nested, person, false);
                        if (nestedPart != null) {
                            elements.add(nestedPart);
                        }
                    }
                }
                if (!elements.isEmpty()) {
                    part.put(key, elements);
                }
            }
            else if (value instanceof List<?> list) {
                if (direct) {
                    boolean identities = list.stream().anyMatch(element -> names(element, person));
                    part.put(key, list.stream().filter(element -> !identities || names(element, person))
                            .map(PersonalDataDocuments::plain).toList());
                }
            }
            else if (direct || (top && "_id".equals(key))) {
                part.put(key, plain(value));
            }
        }
        boolean onlyId = part.size() == 1 && part.containsKey("_id");
        return part.isEmpty() || onlyId ? null : part;
    }

    /** A document that is the person's alone, all of it (but its outbox). */
    private static Map<String, Object> whole(Document document) {
        Map<String, Object> all = new LinkedHashMap<>();
        document.forEach((key, value) -> {
            if (!LEFT_OUT.contains(key)) {
                all.put(key, value instanceof Document nested ? whole(nested)
                        : value instanceof List<?> list ? list.stream().map(element -> element instanceof Document d
                        ? whole(d) : plain(element)).toList() : plain(value));
            }
        });
        return all;
    }

    private static boolean names(@Nullable Object value, Person person) {
        if (value instanceof String text) {
            return person.isSubject(text) || person.isEmail(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(element -> element instanceof String && names(element, person));
        }
        return false;
    }

    private static @Nullable Object plain(@Nullable Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Binary) {
            return "(binary)";
        }
        return value;
    }

    // --- erasure -----------------------------------------------------------------------------------------------

    /** Deletes or anonymises every document of the person; idempotent. */
    public Outcome erase(PersonErased event) {
        return erase(event.subject(), event.emails(), event.pseudonym());
    }

    /** Deletes or anonymises every document of the person; idempotent. */
    public Outcome erase(String subject, Collection<String> emails, String pseudonym) {
        Person person = new Person(subject, emails, pseudonym);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        Map<String, Integer> anonymised = new LinkedHashMap<>();
        for (PersonalDataHolding holding : holdings) {
            int count = 0;
            for (Document document : find(holding, person)) {
                if (holding.erasure() == PersonalDataHolding.Erasure.DELETE) {
                    count += (int) mongo.remove(Query.query(Criteria.where("_id").is(document.get("_id"))),
                            holding.collection()).getDeletedCount();
                }
                else if (anonymise(holding, document, person)) {
                    count++;
                }
            }
            if (count > 0) {
                (holding.erasure() == PersonalDataHolding.Erasure.DELETE ? deleted : anonymised)
                        .put(holding.collection(), count);
            }
        }
        log.info("Personal data erased: deleted {}, anonymised {}", deleted, anonymised);
        return new Outcome(deleted, anonymised);
    }

    private boolean anonymise(PersonalDataHolding holding, Document found, Person person) {
        Document current = found;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Document changed = (Document) scrub(copy(current), person);
            if (changed.equals(current)) {
                return false;
            }
            changed.putAll(holding.setOnErasure());
            String versionField = holding.versionField();
            if (versionField != null && changed.get(versionField) instanceof Number version) {
                changed.put(versionField, version.longValue() + 1);
            }
            if (replace(holding.collection(), current, changed)) {
                return true;
            }
            current = mongo.findOne(Query.query(Criteria.where("_id").is(current.get("_id"))), Document.class,
                    holding.collection());
            if (current == null) {
                return false;
            }
        }
        throw new OptimisticLockingFailureException("A document of " + holding.collection()
                + " kept changing while it was being anonymised; the erasure is retried");
    }

    /** Compare-and-set: replaces the document only if it is still exactly {@code before}. */
    private boolean replace(String collection, Document before, Document after) {
        Object id = before.get("_id");
        Object newId = after.get("_id");
        if (Objects.equals(id, newId)) {
            return mongo.getCollection(collection).replaceOne(before, after).getModifiedCount() == 1;
        }
        // the id itself names the person (a claim key): insert the anonymised copy, then remove the original
        try {
            mongo.getCollection(collection).insertOne(after);
        }
        catch (com.mongodb.MongoWriteException | DuplicateKeyException ex) {
            log.debug("The anonymised copy of a document of {} exists already", collection);
        }
        return mongo.getCollection(collection).deleteOne(before).getDeletedCount() == 1;
    }

    /** The value with the person's data replaced; a Document or List is changed in place and returned. */
    private static @Nullable Object scrub(@Nullable Object value, Person person) {
        if (value instanceof String text) {
            return scrubText(text, person);
        }
        if (value instanceof Document document) {
            Set<String> matchedKeys = new LinkedHashSet<>();
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                if (names(entry.getValue(), person)) {
                    matchedKeys.add(entry.getKey());
                }
                entry.setValue(scrub(entry.getValue(), person));
            }
            forgetNamesBeside(document, matchedKeys);
            return document;
        }
        if (value instanceof List<?> list) {
            List<Object> scrubbed = new ArrayList<>();
            for (Object element : list) {
                if (element instanceof String text && person.isEmail(text)) {
                    continue;
                }
                scrubbed.add(scrub(element, person));
            }
            return scrubbed;
        }
        return value;
    }

    private static @Nullable String scrubText(String text, Person person) {
        if (person.isSubject(text)) {
            return person.pseudonym();
        }
        if (person.isEmail(text)) {
            return null;
        }
        String result = text.replace(person.subject(), person.pseudonym());
        for (String email : person.emails()) {
            result = replaceIgnoringCase(result, email, ERASED_TEXT);
        }
        return result;
    }

    private static void forgetNamesBeside(Document document, Set<String> matchedKeys) {
        if (matchedKeys.isEmpty()) {
            return;
        }
        Set<String> nameKeys = new LinkedHashSet<>();
        boolean identity = false;
        for (String key : matchedKeys) {
            identity |= IDENTITY_KEYS.contains(key.toLowerCase(Locale.ROOT));
            nameKeys.add(key + "Name");
            if (key.endsWith("Id")) {
                nameKeys.add(key.substring(0, key.length() - 2) + "Name");
            }
        }
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            String key = entry.getKey();
            String lower = key.toLowerCase(Locale.ROOT);
            if (!(entry.getValue() instanceof String) || matchedKeys.contains(key)) {
                continue;
            }
            if (nameKeys.contains(key) || (identity && NAME_KEYS.contains(lower))) {
                entry.setValue(PersonErased.ERASED_NAME);
            }
            else if (identity && (CLEARED_KEYS.contains(lower) || lower.contains("email"))) {
                entry.setValue(null);
            }
        }
    }

    private static String replaceIgnoringCase(String text, String search, String replacement) {
        if (search.isEmpty()) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(search);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (at >= 0) {
            out.append(text, from, at).append(replacement);
            from = at + search.length();
            at = lower.indexOf(search, from);
        }
        return out.append(text.substring(from)).toString();
    }

    /** A deep copy of documents and lists (other values are immutable). */
    private static @Nullable Object copy(@Nullable Object value) {
        if (value instanceof Document document) {
            Document copied = new Document();
            document.forEach((key, nested) -> copied.put(key, copy(nested)));
            return copied;
        }
        if (value instanceof List<?> list) {
            List<Object> copied = new ArrayList<>(list.size());
            list.forEach(element -> copied.add(copy(element)));
            return copied;
        }
        return value;
    }

    private List<Document> find(PersonalDataHolding holding, Person person) {
        List<Criteria> any = new ArrayList<>();
        holding.subjectFields().forEach(field -> any.add(Criteria.where(field).is(person.subject())));
        for (String field : holding.emailFields()) {
            // addresses typed by others (an attendee list) may have capitals: compare ignoring case
            person.emails().forEach(email -> any.add(Criteria.where(field)
                    .regex("^" + java.util.regex.Pattern.quote(email) + "$", "i")));
        }
        if (any.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(any.size() == 1 ? any.getFirst() : new Criteria().orOperator(any));
        return mongo.find(query, Document.class, holding.collection());
    }

    /** The person to find: subject and e-mail addresses (lower case), and their pseudonym. */
    private record Person(String subject, List<String> emails, String pseudonym) {

        Person(String subject, Collection<String> emails, String pseudonym) {
            this(subject, emails.stream().filter(StringUtils::hasText).map(e -> e.strip().toLowerCase(Locale.ROOT))
                    .distinct().toList(), pseudonym);
        }

        boolean isSubject(String value) {
            return subject.equals(value);
        }

        boolean isEmail(String value) {
            return emails.contains(value.strip().toLowerCase(Locale.ROOT));
        }
    }
}
