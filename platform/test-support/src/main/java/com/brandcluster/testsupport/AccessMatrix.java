package com.brandcluster.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoDatabase;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The object-level authorisation matrix of one service (OWASP API1, broken object-level authorisation, and API5,
 * broken function-level authorisation): every operation of its committed OpenAPI document ({@link OpenApiDocuments}),
 * each sent by the eight {@link Caller callers}, against real fixtures of two tenants.
 * <p>
 * A test declares one {@link Case} per operation: who the right caller is, the path values and body of a request
 * that the right caller may make (fresh fixtures from {@link Case#given} where the request consumes them), and which
 * other callers may make it too and why. {@link #run()} then, operation by operation, sends the request as each
 * caller but the right one and checks that a refused caller gets a 401 (no valid token) or a 403 or 404 (valid token,
 * not theirs) problem detail; that no answer to another caller holds one of the tenant's {@link #privateValues private
 * values}; and that the stored data are the same before and after the refused requests. Last it sends the request as
 * the right caller and checks that it succeeds: so every refusal is tested where access would otherwise succeed.
 * An operation of the document without a case, or a case for no operation, fails the run: a new endpoint cannot be
 * forgotten.
 */
public final class AccessMatrix {

    /** Who sends a request. */
    public enum Caller {
        OWNER("the right caller"),
        OTHER_ENTERPRISE("a user of another enterprise"),
        OTHER_SECRETARIAT("the secretariat of another cluster"),
        EXPERT("an expert who is not the right caller"),
        WRONG_ROLE("the right caller's identity and claims with other roles"),
        EXPIRED_TOKEN("the right caller with an expired token"),
        FOREIGN_KEY("the right caller with a token signed by a key the portal does not trust"),
        ANONYMOUS("no token");

        private final String description;

        Caller(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        /** Whether the caller presents a token that must fail authentication. */
        boolean invalidToken() {
            return this == EXPIRED_TOKEN || this == FOREIGN_KEY;
        }
    }

    /** A person as the portal's tokens describe them: subject, realm roles and the tenant claims. */
    public record Identity(String subject, Set<String> roles, String enterpriseId, List<String> secretariatOf) {

        /** The roles {@link Caller#WRONG_ROLE} chooses from: every realm role but the alliance admin's. */
        static final Set<String> TENANT_ROLES = Set.of("enterprise", "secretariat", "expert");

        public Identity {
            roles = Set.copyOf(roles);
            secretariatOf = secretariatOf == null ? List.of() : List.copyOf(secretariatOf);
        }

        /** A user of an enterprise (role {@code enterprise}, claim {@code enterprise_id}). */
        public static Identity enterpriseUser(String subject, String enterpriseId) {
            return new Identity(subject, Set.of("enterprise"), enterpriseId, List.of());
        }

        /** A secretariat user of the clusters (role {@code secretariat}, claim {@code secretariat_of}). */
        public static Identity secretariat(String subject, String... clusterIds) {
            return new Identity(subject, Set.of("secretariat"), null, List.of(clusterIds));
        }

        /** An expert (role {@code expert}; experts are known by their subject). */
        public static Identity expert(String subject) {
            return new Identity(subject, Set.of("expert"), null, List.of());
        }

        /** The alliance admin (role {@code alliance-admin}). */
        public static Identity allianceAdmin(String subject) {
            return new Identity(subject, Set.of("alliance-admin"), null, List.of());
        }

        /** A signed-in person with no role and no tenant claim (e.g. before registering an enterprise). */
        public static Identity signedIn(String subject) {
            return new Identity(subject, Set.of(), null, List.of());
        }

        /** The same person and claims with these roles instead. */
        public Identity withRoles(String... roles) {
            return new Identity(subject, Set.of(roles), enterpriseId, secretariatOf);
        }

        /** A valid token for this identity. */
        public String token() {
            return tokenBuilder(false).issue();
        }

        TestTokens.Builder tokenBuilder(boolean foreignKey) {
            TestTokens.Builder builder = foreignKey ? TestTokens.signedByAnotherKey(subject)
                    : TestTokens.user(subject);
            builder.roles(roles.toArray(String[]::new));
            if (enterpriseId != null) {
                builder.enterpriseId(enterpriseId);
            }
            if (!secretariatOf.isEmpty()) {
                builder.secretariatOf(secretariatOf.toArray(String[]::new));
            }
            return builder;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AccessMatrix.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    private static final Set<Integer> REFUSALS = Set.of(403, 404);
    private static final Duration SETTLE_POLL = Duration.ofMillis(100);

    private final String module;
    private final JsonNode document;
    private final ApiClient client;
    private final MongoDatabase database;
    private final Set<String> excludedCollections;
    private final Map<String, Case> cases = new LinkedHashMap<>();
    private final Map<Caller, Identity> others = new EnumMap<>(Caller.class);
    private final Set<String> privateValues = new LinkedHashSet<>();
    private final Set<String> tenantValues = new LinkedHashSet<>();

    private AccessMatrix(String module, JsonNode document, String baseUrl, MongoDatabase database,
            Set<String> excludedCollections) {
        this.module = module;
        this.document = document;
        this.client = new ApiClient(baseUrl);
        this.database = database;
        this.excludedCollections = Set.copyOf(excludedCollections);
    }

    /**
     * The matrix of {@code openapi/<module>.json} against the service on {@code port} of this JVM, whose database is
     * {@link MongoExtension}'s; {@code excludedCollections} change on their own (say why where this is called).
     */
    public static AccessMatrix local(String module, int port, Set<String> excludedCollections) {
        return new AccessMatrix(module, OpenApiDocuments.committed(module), "http://127.0.0.1:" + port,
                MongoExtension.client().getDatabase(MongoExtension.databaseName()), excludedCollections);
    }

    /** The matrix of any document against any service and database (for tests of the matrix). */
    static AccessMatrix of(String name, JsonNode document, String baseUrl, MongoDatabase database) {
        return new AccessMatrix(name, document, baseUrl, database, Set.of());
    }

    /**
     * The other tenant's people, with fixtures of their own: a user of another enterprise (a member of another
     * cluster), the secretariat of another cluster, and an expert who is not the right caller of any case.
     */
    public AccessMatrix otherTenant(Identity otherEnterprise, Identity otherSecretariat, Identity expert) {
        others.put(Caller.OTHER_ENTERPRISE, otherEnterprise);
        others.put(Caller.OTHER_SECRETARIAT, otherSecretariat);
        others.put(Caller.EXPERT, expert);
        return this;
    }

    /**
     * Values of the first tenant that only its own parties may see (a contact's e-mail, a note, a private title): no
     * answer to another caller may hold one. Not ids that appear in request paths: a problem's {@code instance}
     * repeats the path.
     */
    public AccessMatrix privateValues(String... values) {
        privateValues.addAll(List.of(values));
        return this;
    }

    /**
     * Values that mark the first tenant's stored documents (its cluster's and enterprise's ids, its people's
     * subjects): a request another caller may make must not update or delete a document that holds one.
     */
    public AccessMatrix tenantValues(String... values) {
        tenantValues.addAll(List.of(values));
        return this;
    }

    /** The case of an operation, by {@code METHOD path} as in the document, e.g. {@code GET /api/things/{id}}. */
    public Case operation(String key) {
        Case existing = cases.get(key);
        if (existing != null) {
            throw new IllegalStateException("two cases for " + key);
        }
        Case added = new Case(key);
        cases.put(key, added);
        return added;
    }

    /** Runs every case (see the class comment) and fails listing what failed; returns the report. */
    public Report assertHolds() {
        Report report = run();
        report.assertNoFailures();
        return report;
    }

    /** Runs every case in the order they were declared; the report lists what failed. */
    public Report run() {
        if (others.size() != 3) {
            throw new IllegalStateException("the other tenant's people are not set: otherTenant(...)");
        }
        Report report = new Report(module);
        List<String> documented = ApiFuzzer.forDocument(document, 0).operations().stream()
                .map(operation -> operation.method() + " " + operation.path()).toList();
        documented.stream().filter(key -> !cases.containsKey(key))
                .forEach(key -> report.fail(key, null, "no case: every operation needs one"));
        cases.keySet().stream().filter(key -> !documented.contains(key))
                .forEach(key -> report.fail(key, null, "no such operation in openapi/" + module + ".json"));
        long started = System.nanoTime();
        for (String key : documented) {
            Case c = cases.get(key);
            if (c != null) {
                runCase(c, report);
            }
        }
        report.millis = (System.nanoTime() - started) / 1_000_000;
        report.write();
        log.info("{}", report.summary());
        return report;
    }

    private void runCase(Case c, Report report) {
        if (c.owner == null) {
            report.fail(c.key, null, "the case names no right caller: by(...)");
            return;
        }
        Map<String, String> values = new LinkedHashMap<>(c.values);
        c.setups.forEach(setup -> setup.accept(values));
        Prepared request = c.prepare(values);
        boolean reads = c.method.equals("GET");
        List<Caller> others = List.of(Caller.values()).subList(1, Caller.values().length);
        // callers that must change nothing: all of them for a read, the refused ones for a write
        List<Caller> unchanging = others.stream().filter(caller -> reads || !c.allowed.containsKey(caller)).toList();
        List<Caller> writers = others.stream().filter(caller -> !unchanging.contains(caller)).toList();

        Map<Caller, ApiClient.Response> answers = new EnumMap<>(Caller.class);
        MongoSnapshot before = snapshot(c);
        unchanging.forEach(caller -> answers.put(caller, send(request, c, caller)));
        List<String> changes = before.changesTo(snapshot(c));
        if (!changes.isEmpty()) {
            // an earlier right caller's request may have started background work (the outbox relay, the service's
            // own listeners): let it finish, then send the requests again, and count only what they change
            before = settled(c);
            unchanging.forEach(caller -> answers.put(caller, send(request, c, caller)));
            changes = before.changesTo(snapshot(c));
        }
        if (!changes.isEmpty()) {
            report.fail(c.key, null, "requests of callers that may not change anything changed stored data: "
                    + abbreviate(changes));
            report.changedDocuments += changes.size();
        }
        for (Caller caller : writers) {
            // a caller the operation lets in writes data of their own, never the tenant's
            MongoSnapshot beforeWrite = snapshot(c);
            answers.put(caller, send(request, c, caller));
            List<String> touched = caller == Caller.WRONG_ROLE && c.ownData ? List.of()
                    : beforeWrite.changesHolding(snapshot(c), tenantValues);
            if (!touched.isEmpty()) {
                report.fail(c.key, caller, "changed the tenant's stored data: " + abbreviate(touched));
                report.changedDocuments += touched.size();
            }
        }
        others.forEach(caller -> check(c, caller, answers.get(caller), report));

        ApiClient.Response owner = send(request, c, Caller.OWNER);
        report.record(c.key, Caller.OWNER, owner.status());
        boolean expected = c.ownerStatuses.isEmpty() ? owner.status() >= 200 && owner.status() < 300
                : c.ownerStatuses.contains(owner.status());
        if (!expected) {
            report.fail(c.key, Caller.OWNER, "the right caller's request must succeed"
                    + (c.ownerStatuses.isEmpty() ? "" : " with " + c.ownerStatuses) + " (else the refusals prove "
                    + "nothing): " + abbreviate(owner));
        }
    }

    private void check(Case c, Caller caller, ApiClient.Response answer, Report report) {
        report.record(c.key, caller, answer.status());
        if (answer.status() >= 500) {
            report.fail(c.key, caller, "server error: " + abbreviate(answer));
            return;
        }
        if (answer.status() >= 400 && !Json.isProblem(answer.status(), answer.contentType(), answer.body())) {
            report.fail(c.key, caller, "a refusal that is not a problem detail: " + abbreviate(answer));
        }
        List<String> leaked = privateValues.stream().filter(answer.body()::contains).toList();
        if (!leaked.isEmpty() && !c.mayReveal.containsKey(caller)) {
            report.leaks++;
            report.fail(c.key, caller, "the answer holds the tenant's private values " + leaked + ": "
                    + abbreviate(answer));
        }
        Integer fixed = c.answers.get(caller);
        if (fixed != null) {
            if (answer.status() != fixed) {
                report.fail(c.key, caller, "expected " + fixed + " (" + c.allowed.get(caller) + "): "
                        + abbreviate(answer));
            }
            return;
        }
        if (caller.invalidToken() || caller == Caller.ANONYMOUS && !c.allowed.containsKey(caller)) {
            if (answer.status() != 401) {
                report.fail(c.key, caller, "expected 401 (" + caller.description() + "): " + abbreviate(answer));
            }
        }
        else if (c.allowed.containsKey(caller)) {
            if (answer.status() == 401 || answer.status() == 403) {
                report.fail(c.key, caller, "refused, but allowed (" + c.allowed.get(caller) + "): "
                        + abbreviate(answer));
            }
        }
        else if (!REFUSALS.contains(answer.status())) {
            report.fail(c.key, caller, "expected 403 or 404 (" + caller.description() + "): " + abbreviate(answer));
        }
    }

    private ApiClient.Response send(Prepared request, Case c, Caller caller) {
        String token = switch (caller) {
            case OWNER -> c.owner.token();
            case OTHER_ENTERPRISE, OTHER_SECRETARIAT, EXPERT -> others.get(caller).token();
            case WRONG_ROLE -> c.wrongRoleIdentity().token();
            case EXPIRED_TOKEN -> c.owner.tokenBuilder(false).expiresIn(Duration.ofMinutes(-5)).issue();
            case FOREIGN_KEY -> c.owner.tokenBuilder(true).issue();
            case ANONYMOUS -> null;
        };
        ApiClient sender = token == null ? client.anonymous() : client.as(token);
        return sender.sendBytes(c.method, request.path(), request.body(), request.contentType());
    }

    /** The stored data but the collections left out for the whole matrix and those the case changes by design. */
    private MongoSnapshot snapshot(Case c) {
        if (c.updated.isEmpty()) {
            return MongoSnapshot.of(database, excludedCollections);
        }
        Set<String> excluded = new LinkedHashSet<>(excludedCollections);
        excluded.addAll(c.updated.keySet());
        return MongoSnapshot.of(database, excluded);
    }

    /** The data once background work has finished: two snapshots in a row, {@link #SETTLE_POLL} apart, equal. */
    private MongoSnapshot settled(Case c) {
        MongoSnapshot[] last = {snapshot(c)};
        Awaitility.await("stored data settling").pollDelay(SETTLE_POLL).pollInterval(SETTLE_POLL)
                .atMost(Duration.ofSeconds(20)).until(() -> {
                    MongoSnapshot now = snapshot(c);
                    boolean stable = last[0].changesTo(now).isEmpty();
                    last[0] = now;
                    return stable;
                });
        return last[0];
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }

    /** A request with its placeholders filled in. */
    private record Prepared(String path, byte[] body, String contentType) {
    }

    /** How one operation is called, by whom, and which other callers may call it. */
    public final class Case {

        private final String key;
        private final String method;
        private final String template;
        private Identity owner;
        private Set<String> wrongRoles;
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private final List<Consumer<Map<String, String>>> setups = new ArrayList<>();
        private Function<Map<String, String>, byte[]> body;
        private String contentType;
        private final Set<Integer> ownerStatuses = new LinkedHashSet<>();
        private final Map<Caller, String> allowed = new EnumMap<>(Caller.class);
        private final Map<Caller, Integer> answers = new EnumMap<>(Caller.class);
        private final Map<Caller, String> mayReveal = new EnumMap<>(Caller.class);
        private final Map<String, String> updated = new LinkedHashMap<>();
        private boolean ownData;

        private Case(String key) {
            int space = key.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("not METHOD path: " + key);
            }
            this.key = key;
            this.method = key.substring(0, space);
            this.template = key.substring(space + 1);
        }

        /** The right caller. */
        public Case by(Identity owner) {
            this.owner = owner;
            return this;
        }

        /** The value of a path parameter, also {@code ${name}} in bodies and query values. */
        public Case path(String name, String value) {
            values.put(name, value);
            return this;
        }

        /** A query parameter; its value may hold {@code ${name}} placeholders. */
        public Case query(String name, String value) {
            query.put(name, value);
            return this;
        }

        /**
         * Fresh fixtures for this case, made right before it runs (e.g. a new application for an operation that
         * decides one): the setup puts path values and placeholders into the map.
         */
        public Case given(Consumer<Map<String, String>> setup) {
            setups.add(setup);
            return this;
        }

        /** A JSON body; {@code ${name}} placeholders take path values and those of {@link #given}. */
        public Case json(String template) {
            this.contentType = "application/json";
            this.body = values -> fill(template, values).getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** Any body, e.g. multipart, made from the case's values. */
        public Case body(String contentType, Function<Map<String, String>, byte[]> body) {
            this.contentType = contentType;
            this.body = body;
            return this;
        }

        /** The right caller's statuses; without them any 2xx. */
        public Case expect(int... statuses) {
            for (int status : statuses) {
                ownerStatuses.add(status);
            }
            return this;
        }

        /**
         * Callers that the operation lets in too, and why (e.g. the cluster's members may read its events): their
         * answers must not be a 401 or 403, must hold no private value, and their writes must not touch the
         * tenant's documents.
         */
        public Case allows(String reason, Caller... callers) {
            for (Caller caller : callers) {
                if (caller == Caller.OWNER || caller.invalidToken()) {
                    throw new IllegalArgumentException(caller + " cannot be allowed");
                }
                allowed.put(caller, reason);
            }
            return this;
        }

        /** Anyone may read it, signed in or not (a token that fails authentication is still a 401). */
        public Case publicRead(String reason) {
            return allows(reason, Caller.OTHER_ENTERPRISE, Caller.OTHER_SECRETARIAT, Caller.EXPERT,
                    Caller.WRONG_ROLE, Caller.ANONYMOUS);
        }

        /**
         * An operation on the caller's own data ({@code /me}): every signed-in caller may call it and gets their
         * own, never the right caller's; it does not depend on roles ({@link #roleIndependent}).
         */
        public Case self(String reason) {
            return allows(reason, Caller.OTHER_ENTERPRISE, Caller.OTHER_SECRETARIAT, Caller.EXPERT)
                    .roleIndependent(reason);
        }

        /**
         * The operation depends on who the caller is, not on their roles (a person's own notification): the right
         * caller with other roles ({@link Caller#WRONG_ROLE}) is the right caller, and may see and change what
         * the right caller may.
         */
        public Case roleIndependent(String reason) {
            allows(reason, Caller.WRONG_ROLE);
            mayReveal.put(Caller.WRONG_ROLE, reason);
            ownData = true;
            return this;
        }

        /**
         * The caller gets exactly this status, for the reason given (e.g. a 409 for a person who already has an
         * enterprise and so cannot register one); a 2xx or 3xx makes the caller allowed.
         */
        public Case answers(Caller caller, int status, String reason) {
            answers.put(caller, status);
            if (status < 400) {
                allows(reason, caller);
            }
            else {
                allowed.remove(caller);
            }
            return this;
        }

        /** The caller may see the tenant's private values here (say why: e.g. the secretariat reads applications). */
        public Case mayReveal(String reason, Caller... callers) {
            for (Caller caller : callers) {
                mayReveal.put(caller, reason);
            }
            return this;
        }

        /**
         * Collections that a request of this operation changes by design whoever may send it, and why (a share link
         * counts every download, an outside party's too): left out of this case's comparisons of stored data, which
         * still cover every other collection.
         */
        public Case updates(String reason, String... collections) {
            for (String collection : collections) {
                updated.put(collection, reason);
            }
            return this;
        }

        /** The roles {@link Caller#WRONG_ROLE} has; by default the tenant roles the right caller does not have. */
        public Case wrongRoles(String... roles) {
            this.wrongRoles = Set.of(roles);
            return this;
        }

        Identity wrongRoleIdentity() {
            Set<String> roles = wrongRoles;
            if (roles == null) {
                roles = new LinkedHashSet<>(Identity.TENANT_ROLES);
                roles.removeAll(owner.roles());
            }
            return owner.withRoles(roles.toArray(String[]::new));
        }

        private Prepared prepare(Map<String, String> values) {
            Matcher matcher = Pattern.compile("\\{([^}]+)}").matcher(template);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                if (value == null) {
                    throw new IllegalStateException(key + ": no value for path parameter " + matcher.group(1));
                }
                matcher.appendReplacement(path, Matcher.quoteReplacement(encode(value)));
            }
            matcher.appendTail(path);
            String separator = "?";
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                path.append(separator).append(encode(parameter.getKey())).append('=')
                        .append(encode(fill(parameter.getValue(), values)));
                separator = "&";
            }
            return new Prepared(path.toString(), body == null ? null : body.apply(values), contentType);
        }

        private String fill(String text, Map<String, String> values) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            StringBuilder filled = new StringBuilder();
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                if (value == null) {
                    throw new IllegalStateException(key + ": no value for ${" + matcher.group(1) + "}");
                }
                matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(filled);
            return filled.toString();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** What the matrix sent, how each caller was answered, and what failed. */
    public static final class Report {

        private final String module;
        private final Map<String, Map<Caller, Integer>> answers = new TreeMap<>();
        private final Map<Caller, Map<Integer, Integer>> statuses = new EnumMap<>(Caller.class);
        private final List<String> failures = new ArrayList<>();
        private int cases;
        private int leaks;
        private int changedDocuments;
        private long millis;

        Report(String module) {
            this.module = module;
        }

        private void record(String key, Caller caller, int status) {
            cases++;
            answers.computeIfAbsent(key, k -> new EnumMap<>(Caller.class)).put(caller, status);
            statuses.computeIfAbsent(caller, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
        }

        private void fail(String key, Caller caller, String what) {
            failures.add(key + (caller == null ? "" : " as " + caller) + ": " + what);
        }

        /** Endpoint × caller cases sent. */
        public int cases() {
            return cases;
        }

        public int operations() {
            return answers.size();
        }

        /** Answers to other callers that held a private value of the tenant. */
        public int leaks() {
            return leaks;
        }

        /** Documents changed by requests of callers that were refused, or of the tenant's by other callers. */
        public int changedDocuments() {
            return changedDocuments;
        }

        public List<String> failures() {
            return List.copyOf(failures);
        }

        public String summary() {
            return module + " authorisation matrix: " + operations() + " operations x " + Caller.values().length
                    + " callers = " + cases + " cases in " + millis + " ms; answers by caller and status " + statuses
                    + "; " + leaks + " leaks, " + changedDocuments + " documents changed, " + failures.size()
                    + " failures";
        }

        /** Fails listing every failure. */
        public void assertNoFailures() {
            if (!failures.isEmpty()) {
                StringBuilder message = new StringBuilder(summary()).append(':');
                failures.forEach(f -> message.append("\n  ").append(f));
                throw new AssertionError(message.toString());
            }
        }

        /** The matrix as a table in {@code target/access-matrix/<module>.md}, for review. */
        private void write() {
            StringBuilder table = new StringBuilder("# ").append(module).append(" authorisation matrix\n\n")
                    .append(summary()).append("\n\n| operation |");
            for (Caller caller : Caller.values()) {
                table.append(' ').append(caller.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                        .append(" |");
            }
            table.append("\n|---|").append("---|".repeat(Caller.values().length)).append('\n');
            answers.forEach((key, byCaller) -> {
                table.append("| `").append(key).append("` |");
                for (Caller caller : Caller.values()) {
                    table.append(' ').append(byCaller.getOrDefault(caller, 0)).append(" |");
                }
                table.append('\n');
            });
            try {
                Path file = Path.of("target", "access-matrix", module + ".md");
                Files.createDirectories(file.getParent());
                Files.writeString(file, table);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
