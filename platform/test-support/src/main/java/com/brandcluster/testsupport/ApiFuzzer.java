package com.brandcluster.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests for every operation of a service's committed OpenAPI document ({@link OpenApiDocuments}),
 * generated at test time, so that an endpoint added to the document is fuzzed without anyone listing it. For each
 * operation it starts from a request that follows the schema (path ids from {@link #pathValue fixtures} where
 * known) and breaks one thing at a time: path and query parameters (non-ids, traversal, injection, negative and huge
 * page/size, invalid enum values and formats), each property of a JSON body (wrong type, null, missing when required,
 * out of range, huge, unicode and control-character strings, invalid formats and enum values, too many items, deep
 * nesting) and the body as a whole (unknown property, malformed JSON, invalid UTF-8, empty, wrong
 * {@code Content-Type}). Later {@link #rounds(int) rounds} repeat the property mutations with other random values.
 * <p>
 * Deterministic: the same document, fixtures and seed give the same requests in the same order, so a failure replays
 * with {@code -Dfuzz.seed=<seed>} (see {@link #seedFromSystemProperty()}).
 */
public final class ApiFuzzer {

    /** System property that overrides the default seed. */
    public static final String SEED_PROPERTY = "fuzz.seed";

    /**
     * Fields a client must never set through a request body, with a plausible value each: identities, ownership,
     * state, bookkeeping and authority (the sensitive fields of mass assignment, OWASP API3).
     */
    public static final Map<String, JsonNode> SENSITIVE_FIELDS = sensitiveFields();

    private static final long DEFAULT_SEED = 20_260_101L;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_PROPERTY_DEPTH = 3;
    private static final String NESTED_MARKER = "__nested__";
    private static final String UNICODE = "中文品牌 \u0130\u0131 \u00df e\u0301 \u202eRTL\u202c "
            + "\uD83D\uDCA1\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 "
            + "\uFEFF \u2028 \uFFFD";
    private static final String CONTROL = "a\u0000b\u0001\u0007\u001b[31m\r\n\t\u007f\u0085end";
    private static final List<String> ODD_STRINGS = List.of("", " ", UNICODE, CONTROL, "../../../../etc/passwd",
            "..\\..\\windows\\win.ini", "{\"$gt\": \"\"}", "$where", "'; db.dropDatabase(); //",
            "<script>alert(1)</script>",
            "%00%2e%2e%2f", "null", "\uD800", "${jndi:ldap://127.0.0.1/a}");
    /** Path segment values, URL-encoded where needed: non-ids, traversal, injection, very long, control chars. */
    private static final List<String> ODD_PATH_VALUES = List.of("not-an-id", "-1", "0", "99999999999999999999999",
            "..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%00", "%0d%0aX-Injected:%201", "%7B%22%24gt%22%3A%22%22%7D",
            "%24where", "null", "%E4%B8%AD%E6%96%87", "%F0%9F%92%A1", "a%20b", "x".repeat(2_000),
            "65f0c0ffee0000000000beef", "00000000-0000-0000-0000-000000000000");
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
            "application/json; charset=ebcdic", "nonsense", "application/octet-stream");
    private static final List<String> MALFORMED_JSON = List.of("{", "}", "{\"a\":}", "{\"a\" 1}", "{'a': 1}",
            "{\"a\": 1,}", "[1, 2,]", "{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": 01}", "{\"a\": 1} trailing",
            "{\"a\": 1}{\"b\": 2}", "/* comment */ {}", "{\"a\": \"unterminated}", "{\"a\": \"\\uZZZZ\"}",
            "{\"a\": tru}", "\uFEFF{}", "null", "[]", "\"text\"", "123", "true", "{}{}", "\u0000");

    private static final byte[] PNG = png();

    private final JsonNode document;
    private final long seed;
    private final Map<String, List<String>> pathValues = new LinkedHashMap<>();
    private final Map<String, String> queryValues = new LinkedHashMap<>();
    private final Map<String, String> propertyValues = new LinkedHashMap<>();
    private int rounds = 1;
    private Random random;

    private ApiFuzzer(JsonNode document, long seed) {
        this.document = document;
        this.seed = seed;
    }

    /** The fuzzer for {@code openapi/<module>.json}. */
    public static ApiFuzzer forService(String module, long seed) {
        return new ApiFuzzer(OpenApiDocuments.committed(module), seed);
    }

    /** A fuzzer for any document (for tests of the fuzzer). */
    public static ApiFuzzer forDocument(JsonNode document, long seed) {
        return new ApiFuzzer(document, seed);
    }

    /** {@code -Dfuzz.seed} when set, otherwise a fixed seed: the same requests on every build. */
    public static long seedFromSystemProperty() {
        return Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    }

    public long seed() {
        return seed;
    }

    /**
     * Path parameters named {@code name} take these values (existing ids) in the requests that do not break them;
     * without one, a well-formed id that exists nowhere.
     */
    public ApiFuzzer pathValue(String name, String... values) {
        pathValues.put(name, List.of(values));
        return this;
    }

    /**
     * Properties named {@code name} take this value in valid bodies (for a string without a {@code format} the text
     * itself, otherwise JSON), where the schema does not say enough, e.g. a time of day documented as a plain string.
     */
    public ApiFuzzer propertyValue(String name, String value) {
        propertyValues.put(name, value);
        return this;
    }

    /** Query parameters named {@code name} take this value where it is not the one broken. */
    public ApiFuzzer queryValue(String name, String value) {
        queryValues.put(name, value);
        return this;
    }

    /** How many times the property mutations run, each round after the first with other random values. */
    public ApiFuzzer rounds(int rounds) {
        this.rounds = rounds;
        return this;
    }

    /** Every operation of the document, in document order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (String path : paths.propertyNames()) {
            JsonNode item = paths.get(path);
            for (String method : item.propertyNames()) {
                if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                    operations.add(new Operation(method.toUpperCase(Locale.ROOT), path, item.get(method)));
                }
            }
        }
        return operations;
    }

    /** All malformed requests, operation by operation. */
    public List<Request> requests() {
        random = new Random(seed);
        List<Request> requests = new ArrayList<>();
        for (Operation operation : operations()) {
            generate(operation, requests::add);
        }
        return requests;
    }

    /**
     * For every operation with a JSON body: one request per field in {@code fields} that the operation's request
     * schema does not have, the field first in the body (so it is the first thing the server reads). The fields that
     * the schema does have come back as {@link Probe#legitimate()} probes without a request.
     */
    public List<Probe> massAssignment(Map<String, JsonNode> fields) {
        random = new Random(seed);
        List<Probe> probes = new ArrayList<>();
        for (Operation operation : operations()) {
            Envelope envelope = ApiFuzzer::request;
            JsonNode schema = operation.jsonBodySchema();
            for (Map.Entry<String, JsonNode> part : operation.multipartProperties().entrySet()) {
                if ("object".equals(type(resolve(part.getValue())))) {
                    schema = resolve(part.getValue());
                    envelope = multipart(operation, part.getKey());
                }
            }
            if (schema == null) {
                continue;
            }
            Set<String> properties = properties(schema).keySet();
            for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
                if (properties.contains(field.getKey())) {
                    probes.add(new Probe(operation, field.getKey(), null));
                    continue;
                }
                ObjectNode body = NODES.objectNode();
                body.set(field.getKey(), field.getValue());
                JsonNode valid = validInstance(schema, 0);
                if (valid instanceof ObjectNode object) {
                    object.properties().forEach(e -> body.set(e.getKey(), e.getValue()));
                }
                probes.add(new Probe(operation, field.getKey(), envelope.wrap(operation,
                        "mass assignment: " + field.getKey(), basePath(operation), operation.jsonContentType(),
                        utf8(body.toString()))));
            }
        }
        return probes;
    }

    private static Map<String, JsonNode> sensitiveFields() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        fields.put("id", nodes.stringNode("65f0c0ffee0000000000beef"));
        fields.put("_id", nodes.stringNode("65f0c0ffee0000000000beef"));
        fields.put("status", nodes.stringNode("ACTIVE"));
        fields.put("state", nodes.stringNode("APPROVED"));
        fields.put("memberNumber", nodes.stringNode("LIGHT-2026-0001"));
        fields.put("clusterId", nodes.stringNode("another-cluster"));
        fields.put("enterpriseId", nodes.stringNode("another-enterprise"));
        fields.put("ownerId", nodes.stringNode("someone-else"));
        fields.put("owner", nodes.stringNode("someone-else"));
        fields.put("expertId", nodes.stringNode("someone-else"));
        fields.put("userId", nodes.stringNode("someone-else"));
        fields.put("createdBy", nodes.stringNode("someone-else"));
        fields.put("approvedBy", nodes.stringNode("someone-else"));
        fields.put("reviewedBy", nodes.stringNode("someone-else"));
        fields.put("roles", nodes.arrayNode().add("alliance-admin"));
        fields.put("secretariatOf", nodes.arrayNode().add("another-cluster"));
        fields.put("version", nodes.numberNode(99));
        fields.put("createdAt", nodes.stringNode("2020-01-01T00:00:00Z"));
        fields.put("updatedAt", nodes.stringNode("2020-01-01T00:00:00Z"));
        fields.put("history", nodes.arrayNode());
        fields.put("outbox", nodes.arrayNode());
        return java.util.Collections.unmodifiableMap(fields);
    }

    private static byte[] png() {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(
                    new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_ARGB), "png", out);
            return out.toByteArray();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /**
     * For every operation with a page-size parameter ({@code size} or {@code limit} in the query): a request with a
     * size one above its documented {@code maximum}, or 10,000 when it documents none. Paged endpoints refuse both
     * with a 400, so none can be made to read a whole collection.
     */
    public List<Request> oversizedPages() {
        random = new Random(seed);
        List<Request> requests = new ArrayList<>();
        for (Operation operation : operations()) {
            for (JsonNode parameter : operation.parameters()) {
                String name = parameter.path("name").asString();
                if ("query".equals(parameter.path("in").asString()) && List.of("size", "limit").contains(name)) {
                    JsonNode maximum = parameter.path("schema").path("maximum");
                    long size = maximum.isMissingNode() ? 10_000 : maximum.asLong() + 1;
                    requests.add(request(operation, "page " + name + "=" + size + (maximum.isMissingNode()
                            ? " (no documented maximum)" : " (maximum " + maximum.asLong() + ")"),
                            withQuery(basePath(operation), name, Long.toString(size)), null, null));
                }
            }
        }
        return requests;
    }

    /** The probes whose field is a property of the request schema, as {@code METHOD /path field}. */
    public static List<String> legitimate(List<Probe> probes) {
        return probes.stream().filter(Probe::legitimate).map(probe -> probe.operation() + " " + probe.field()).toList();
    }

    // --- generation -------------------------------------------------------------------------------------------

    private void generate(Operation operation, Consumer<Request> out) {
        String basePath = basePath(operation);
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asString();
            if ("path".equals(parameter.path("in").asString())) {
                for (String odd : ODD_PATH_VALUES) {
                    out.accept(request(operation, "path " + name + "=" + abbreviate(odd), path(operation, name, odd),
                            null, null));
                }
                for (int round = 1; round < rounds; round++) {
                    String odd = URLEncoder.encode(randomString(1 + random.nextInt(40)), StandardCharsets.UTF_8);
                    out.accept(request(operation, "path " + name + "=" + abbreviate(odd), path(operation, name, odd),
                            null, null));
                }
            }
            else if ("query".equals(parameter.path("in").asString())) {
                for (String odd : oddQueryValues(parameter.path("schema"))) {
                    String encoded = URLEncoder.encode(odd, StandardCharsets.UTF_8);
                    out.accept(request(operation, "query " + name + "=" + abbreviate(odd),
                            withQuery(basePath, name, encoded), bodyTypeOrNull(operation), baseBody(operation)));
                }
                out.accept(request(operation, "query " + name + " twice", withQuery(withQuery(basePath, name, "1"),
                        name, "2"), bodyTypeOrNull(operation), baseBody(operation)));
            }
        }
        JsonNode schema = operation.jsonBodySchema();
        if (schema != null) {
            generateBodies(operation, basePath, schema, ApiFuzzer::request, out);
        }
        else if (operation.multipart()) {
            generateMultipart(operation, basePath, out);
        }
    }

    /** How a JSON document travels: as the body, or as one part of a multipart body. */
    private interface Envelope {

        Request wrap(Operation operation, String mutation, String path, String contentType, byte[] json);
    }

    /**
     * The multipart body of {@code operation}: a small valid PNG in each binary part, {@code json} (when not null) with
     * {@code contentType} in the part named {@code jsonPart}, the other parts valid.
     */
    private Envelope multipart(Operation operation, String jsonPart) {
        Map<String, JsonNode> parts = operation.multipartProperties();
        return (op, mutation, path, contentType, json) -> {
            String boundary = "fuzz-" + Long.toHexString(seed);
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            parts.forEach((name, schema) -> {
                byte[] content;
                String type;
                String filename = "";
                if ("binary".equals(schema.path("format").asString())) {
                    content = PNG;
                    type = "image/png";
                    filename = "; filename=\"cluster-mark.png\"";
                }
                else if (name.equals(jsonPart)) {
                    if (json == null) {
                        return;
                    }
                    content = json;
                    type = contentType;
                }
                else if ("object".equals(type(resolve(schema)))) {
                    content = utf8(validInstance(schema, 0).toString());
                    type = "application/json";
                }
                else {
                    content = utf8(validInstance(schema, 0).asString());
                    type = null;
                }
                body.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                        + filename + "\r\n" + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n"));
                body.writeBytes(content);
                body.writeBytes(utf8("\r\n"));
            });
            body.writeBytes(utf8("--" + boundary + "--\r\n"));
            return request(op, "part " + jsonPart + ": " + mutation, path, "multipart/form-data; boundary=" + boundary,
                    body.toByteArray());
        };
    }

    private void generateBodies(Operation operation, String path, JsonNode schema, Envelope envelope,
            Consumer<Request> out) {
        String contentType = operation.jsonContentType();
        JsonNode valid = validInstance(schema, 0);
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        collectProperties(schema, "", properties, 0);
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
                String pointer = property.getKey();
                JsonNode propertySchema = property.getValue();
                List<Mutation> mutations = round == 0 ? mutations(propertySchema)
                        : List.of(randomMutation(propertySchema));
                for (Mutation mutation : mutations) {
                    JsonNode body = replace(valid.deepCopy(), pointer, mutation.value());
                    out.accept(envelope.wrap(operation, "body " + pointer + ": " + mutation.name(), path, contentType,
                            render(body)));
                }
            }
        }
        List<Map.Entry<String, JsonNode>> strings = properties.entrySet().stream()
                .filter(e -> "string".equals(type(e.getValue())) && !e.getValue().has("enum")).toList();
        if (!strings.isEmpty()) {
            String pointer = strings.get(random.nextInt(strings.size())).getKey();
            out.accept(envelope.wrap(operation, "body " + pointer + ": 256 KB string", path, contentType,
                    render(replace(valid.deepCopy(), pointer, NODES.stringNode("\u00e9".repeat(131_072))))));
        }
        List<Map.Entry<String, JsonNode>> arrays = properties.entrySet().stream()
                .filter(e -> "array".equals(type(e.getValue()))).toList();
        if (!arrays.isEmpty()) {
            Map.Entry<String, JsonNode> array = arrays.get(random.nextInt(arrays.size()));
            out.accept(envelope.wrap(operation, "body " + array.getKey() + ": 10,000 items", path, contentType,
                    render(replace(valid.deepCopy(), array.getKey(), items(array.getValue(), 10_000)))));
        }
        for (String pointer : requiredPointers(schema, "", 0)) {
            out.accept(envelope.wrap(operation, "body " + pointer + ": missing", path, contentType,
                    utf8(replace(valid.deepCopy(), pointer, null).toString())));
        }
        if (valid instanceof ObjectNode object) {
            ObjectNode unknown = object.deepCopy();
            unknown.put("unexpectedProperty", "x");
            out.accept(envelope.wrap(operation, "body: unknown property", path, contentType, utf8(unknown.toString())));
            ObjectNode duplicate = object.deepCopy();
            String json = duplicate.toString();
            out.accept(envelope.wrap(operation, "body: duplicated keys", path, contentType,
                    utf8(json.substring(0, json.length() - 1) + (duplicate.isEmpty() ? "" : ",")
                            + json.substring(1))));
        }
        for (String malformed : MALFORMED_JSON) {
            out.accept(envelope.wrap(operation, "body: malformed " + abbreviate(malformed), path, contentType,
                    utf8(malformed)));
        }
        out.accept(envelope.wrap(operation, "body: empty", path, contentType, new byte[0]));
        out.accept(envelope.wrap(operation, "body: none, no content type", path, null, null));
        out.accept(envelope.wrap(operation, "body: invalid UTF-8", path, contentType,
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}));
        out.accept(envelope.wrap(operation, "body: deeply nested arrays", path, contentType,
                utf8("[".repeat(5_000 + random.nextInt(20_000)))));
        out.accept(envelope.wrap(operation, "body: deeply nested objects", path, contentType,
                utf8("{\"a\":".repeat(5_000 + random.nextInt(20_000)))));
        out.accept(envelope.wrap(operation, "body: larger than the request limit", path, contentType,
                utf8("{\"a\":\"" + "x".repeat(1_100_000) + "\"}")));
        for (String wrong : WRONG_CONTENT_TYPES) {
            out.accept(envelope.wrap(operation, "content type " + wrong, path, wrong, utf8(valid.toString())));
        }
    }

    private void generateMultipart(Operation operation, String path, Consumer<Request> out) {
        operation.multipartProperties().forEach((name, schema) -> {
            if ("object".equals(type(resolve(schema)))) {
                generateBodies(operation, path, resolve(schema), multipart(operation, name), out);
            }
        });
        String boundary = "fuzz" + Long.toHexString(random.nextLong());
        out.accept(request(operation, "multipart: no boundary", path, "multipart/form-data", utf8("--x\r\n\r\n")));
        out.accept(request(operation, "multipart: empty", path, "multipart/form-data; boundary=" + boundary,
                new byte[0]));
        out.accept(request(operation, "multipart: unterminated", path, "multipart/form-data; boundary=" + boundary,
                utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\""
                        + "\r\n\r\nabc")));
        out.accept(request(operation, "multipart: no parts", path, "multipart/form-data; boundary=" + boundary,
                utf8("--" + boundary + "--\r\n")));
        out.accept(request(operation, "multipart: JSON instead", path, "application/json", utf8("{}")));
        for (String filename : List.of("../../../etc/passwd.png", "..\\..\\win.ini.png", "/etc/cron.d/x.png",
                "a\u0000b.png", "gnp.exe\u202e.png", "line\r\nbreak.png", "x".repeat(1_000) + ".png", ".png", "CON.png",
                "\u4e2d\u6587\u6807\u5fd7.png", "a\";name=\"metadata.png")) {
            Request valid = multipart(operation, "").wrap(operation, "filename " + abbreviate(filename), path, null,
                    null);
            String text = new String(valid.body(), StandardCharsets.ISO_8859_1)
                    .replace("filename=\"cluster-mark.png\"", "filename=\"" + new String(utf8(filename),
                            StandardCharsets.ISO_8859_1) + "\"");
            out.accept(new Request(valid.operation(), valid.mutation(), valid.method(), valid.path(),
                    valid.contentType(), text.getBytes(StandardCharsets.ISO_8859_1)));
        }
        out.accept(request(operation, "multipart: traversal filename", path,
                "multipart/form-data; boundary=" + boundary,
                utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"../../../etc/passwd\"\r\nContent-Type: image/png\r\n\r\nnot a png\r\n--"
                        + boundary + "--\r\n")));
    }

    /** The fixed mutations of one property, by its schema. */
    private List<Mutation> mutations(JsonNode schema) {
        List<Mutation> mutations = new ArrayList<>();
        String type = type(schema);
        mutations.add(new Mutation("null", NODES.nullNode()));
        for (JsonNode wrong : wrongTypes(type)) {
            mutations.add(new Mutation("wrong type " + wrong.getNodeType(), wrong));
        }
        switch (type) {
            case "string" -> {
                for (String odd : ODD_STRINGS) {
                    mutations.add(new Mutation("odd string " + abbreviate(odd), NODES.stringNode(odd)));
                }
                if (schema.has("maxLength")) {
                    mutations.add(new Mutation("maxLength + 1",
                            NODES.stringNode("x".repeat(schema.path("maxLength").asInt() + 1))));
                }
                if (schema.has("enum")) {
                    mutations.add(new Mutation("unknown enum value", NODES.stringNode("NOT_A_VALUE")));
                    mutations.add(new Mutation("lower-case enum value",
                            NODES.stringNode(schema.path("enum").get(0).asString().toLowerCase(Locale.ROOT) + "x")));
                }
                for (String invalid : invalidFormats(schema.path("format").asString(""))) {
                    mutations.add(new Mutation("invalid " + schema.path("format").asString() + " " + invalid,
                            NODES.stringNode(invalid)));
                }
            }
            case "integer", "number" -> {
                if (schema.has("minimum")) {
                    mutations.add(new Mutation("minimum - 1", NODES.numberNode(schema.path("minimum").asLong() - 1)));
                }
                if (schema.has("maximum")) {
                    mutations.add(new Mutation("maximum + 1", NODES.numberNode(schema.path("maximum").asLong() + 1)));
                }
                mutations.add(new Mutation("-1", NODES.numberNode(-1)));
                mutations.add(new Mutation("long max", NODES.numberNode(Long.MAX_VALUE)));
                mutations.add(new Mutation("huge", NODES.numberNode(new java.math.BigInteger("9".repeat(400)))));
                mutations.add(new Mutation("1e400", NODES.numberNode(new java.math.BigDecimal("1e400"))));
                mutations.add(new Mutation("fraction", NODES.numberNode(1.5)));
                mutations.add(new Mutation("numeric string", NODES.stringNode("12")));
            }
            case "array" -> {
                mutations.add(new Mutation("array of nulls",
                        NODES.arrayNode().add(NODES.nullNode()).add(NODES.nullNode())));
                mutations.add(new Mutation("array of wrong items", NODES.arrayNode().add(NODES.objectNode()).add(42)));
                if (schema.has("maxItems")) {
                    mutations.add(new Mutation("maxItems + 1", items(schema, schema.path("maxItems").asInt() + 1)));
                }
            }
            case "object" -> {
                mutations.add(new Mutation("deep nesting", nested(50 + random.nextInt(3_000))));
                mutations.add(new Mutation("unknown nested property", NODES.objectNode().put("unexpectedProperty", 1)));
            }
            default -> {
            }
        }
        return mutations;
    }

    /** {@code count} valid items of the array schema. */
    private ArrayNode items(JsonNode schema, int count) {
        ArrayNode items = NODES.arrayNode();
        JsonNode item = validInstance(schema.path("items"), 1);
        for (int i = 0; i < count; i++) {
            items.add(item.deepCopy());
        }
        return items;
    }

    private Mutation randomMutation(JsonNode schema) {
        return switch (random.nextInt(6)) {
            case 0 -> new Mutation("random string", NODES.stringNode(randomString(random.nextInt(300))));
            case 1 -> new Mutation("random long", NODES.numberNode(random.nextLong()));
            case 2 -> new Mutation("random double", NODES.numberNode(random.nextDouble() * 1e12 - 5e11));
            case 3 -> new Mutation("random boolean", NODES.booleanNode(random.nextBoolean()));
            case 4 -> new Mutation("random nesting", nested(1 + random.nextInt(3_000)));
            default -> {
                List<Mutation> fixed = mutations(schema);
                yield fixed.get(random.nextInt(fixed.size()));
            }
        };
    }

    private List<String> oddQueryValues(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of("", UNICODE, CONTROL, "{\"$ne\":null}", "x".repeat(3_000)));
        switch (type(schema)) {
            case "integer", "number" -> {
                values.addAll(List.of("abc", "-1", "1.5", "99999999999", "-2147483649", "1e3", "0x10"));
                if (schema.has("minimum")) {
                    values.add(Long.toString(schema.path("minimum").asLong() - 1));
                }
                if (schema.has("maximum")) {
                    values.add(Long.toString(schema.path("maximum").asLong() + 1));
                    values.add(Long.toString(schema.path("maximum").asLong() * 1_000));
                }
            }
            case "boolean" -> values.addAll(List.of("maybe", "2", "yes!"));
            case "array" -> values.addAll(List.of(",,,", "a,,b"));
            default -> {
                if (schema.has("enum")) {
                    values.addAll(List.of("NOT_A_VALUE", schema.path("enum").get(0).asString().toLowerCase(Locale.ROOT)
                            + "x"));
                }
                values.addAll(invalidFormats(schema.path("format").asString("")));
            }
        }
        for (int round = 1; round < rounds; round++) {
            values.add(randomString(1 + random.nextInt(60)));
        }
        return values;
    }

    private static List<String> invalidFormats(String format) {
        return switch (format) {
            case "date" -> List.of("2026-02-30", "2026-13-01", "26-1-1", "yesterday", "2026-01-01T00:00:00Z",
                    "+999999999-12-31");
            case "date-time" -> List.of("2026-13-01T25:61:00Z", "2026-01-01", "now", "2026-01-01T00:00:00+25:00",
                    "-999999999-01-01T00:00:00Z");
            case "email" -> List.of("not-an-email", "a@", "@b.com", "a@b@c.com", "a b@c.com",
                    "x".repeat(300) + "@a.com");
            case "uuid" -> List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g");
            case "uri", "url" -> List.of("not a uri", "javascript:alert(1)", "http://", "file:///etc/passwd");
            default -> List.of();
        };
    }

    private static List<JsonNode> wrongTypes(String type) {
        List<JsonNode> wrong = new ArrayList<>();
        if (!"string".equals(type)) {
            wrong.add(NODES.stringNode("not a " + type));
        }
        if (!"integer".equals(type) && !"number".equals(type)) {
            wrong.add(NODES.numberNode(12345));
        }
        if (!"boolean".equals(type)) {
            wrong.add(NODES.booleanNode(true));
        }
        if (!"object".equals(type)) {
            wrong.add(NODES.objectNode().put("a", 1));
        }
        if (!"array".equals(type)) {
            wrong.add(NODES.arrayNode().add("a"));
        }
        return wrong;
    }

    /** A marker, replaced by {@link #render} with {@code depth} nested arrays and objects. */
    private static JsonNode nested(int depth) {
        return NODES.stringNode(NESTED_MARKER + depth);
    }

    /** The body as JSON, with nesting markers replaced (Jackson would refuse to write such depths). */
    private static byte[] render(JsonNode body) {
        String json = body.toString();
        int marker;
        while ((marker = json.indexOf("\"" + NESTED_MARKER)) >= 0) {
            int end = json.indexOf('"', marker + 1);
            int depth = Integer.parseInt(json.substring(marker + 1 + NESTED_MARKER.length(), end));
            StringBuilder nested = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                nested.append(i % 2 == 0 ? "[" : "{\"a\":");
            }
            nested.append('1');
            for (int i = depth - 1; i >= 0; i--) {
                nested.append(i % 2 == 0 ? "]" : "}");
            }
            json = json.substring(0, marker) + nested + json.substring(end + 1);
        }
        return utf8(json);
    }

    /** Random text from printable ASCII, Latin-1, CJK, astral characters, lone surrogates and control characters. */
    private String randomString(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 1 -> text.append((char) (0xa0 + random.nextInt(0x60)));
                case 2 -> text.append((char) (0x4e00 + random.nextInt(0x5000)));
                case 3 -> text.appendCodePoint(0x1f300 + random.nextInt(0x300));
                case 4 -> text.append((char) (0xd800 + random.nextInt(0x800)));
                default -> text.append((char) random.nextInt(0x20));
            }
        }
        return text.toString();
    }

    // --- valid instances and schema navigation -----------------------------------------------------------------

    /** A value that follows the schema: example, default, first enum value, or one made for its type and format. */
    JsonNode validInstance(JsonNode schema, int depth) {
        return validInstance("", schema, depth);
    }

    private JsonNode validInstance(String name, JsonNode schema, int depth) {
        schema = resolve(schema);
        if (propertyValues.containsKey(name) && !"string".equals(type(schema))) {
            return Json.parse(propertyValues.get(name));
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        return switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    properties(schema).forEach((property, propertySchema) ->
                            object.set(property, validInstance(property, propertySchema, depth + 1)));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < items && depth < 6; i++) {
                    array.add(validInstance(name, schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer", "number" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode(validString(name, schema));
        };
    }

    /** Values tried, in order, for a string with a {@code pattern}; the first that matches is used. */
    private static final List<String> PATTERN_CANDIDATES = List.of("lighting", "LIGHT", "LIGHT-2026-0042",
            "https://www.example.com", "MEDIUM", "png", "A1", "09:00", "2030-06-01", "abc");

    private String validString(String name, JsonNode schema) {
        if (propertyValues.containsKey(name) && !schema.has("format")) {
            return propertyValues.get(name);
        }
        if (schema.has("pattern")) {
            java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(schema.path("pattern").asString());
            for (String candidate : PATTERN_CANDIDATES) {
                if (pattern.matcher(candidate).matches()) {
                    return candidate;
                }
            }
        }
        String value = switch (schema.path("format").asString("")) {
            case "date" -> "2030-06-01";
            case "date-time" -> "2030-06-01T09:00:00Z";
            case "email" -> "someone@example.com";
            case "uuid" -> "3f1c2a7e-0c1d-4b8e-9a55-1f2e3d4c5b6a";
            case "uri", "url" -> "https://www.example.com";
            default -> "Lighting";
        };
        int min = schema.path("minLength").asInt(0);
        if (value.length() < min) {
            value = value + "x".repeat(min - value.length());
        }
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return value.length() > max ? value.substring(0, max) : value;
    }

    /** Every property reachable from the schema by JSON pointer (through objects and first array items). */
    private void collectProperties(JsonNode schema, String pointer, Map<String, JsonNode> out, int depth) {
        schema = resolve(schema);
        if (depth >= MAX_PROPERTY_DEPTH) {
            return;
        }
        if ("array".equals(type(schema))) {
            collectProperties(schema.path("items"), pointer + "/0", out, depth + 1);
            return;
        }
        properties(schema).forEach((name, property) -> {
            String child = pointer + "/" + name;
            out.put(child, resolve(property));
            collectProperties(property, child, out, depth + 1);
        });
    }

    private List<String> requiredPointers(JsonNode schema, String pointer, int depth) {
        schema = resolve(schema);
        List<String> pointers = new ArrayList<>();
        if (depth >= MAX_PROPERTY_DEPTH) {
            return pointers;
        }
        if ("array".equals(type(schema))) {
            return requiredPointers(schema.path("items"), pointer + "/0", depth + 1);
        }
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        for (Map.Entry<String, JsonNode> property : properties(schema).entrySet()) {
            String child = pointer + "/" + property.getKey();
            if (required.contains(property.getKey())) {
                pointers.add(child);
            }
            pointers.addAll(requiredPointers(property.getValue(), child, depth + 1));
        }
        return pointers;
    }

    /** The schema's properties (after {@code $ref} and {@code allOf}), in document order. */
    Map<String, JsonNode> properties(JsonNode schema) {
        schema = resolve(schema);
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (JsonNode part : schema.path("allOf")) {
            properties.putAll(properties(part));
        }
        JsonNode declared = schema.path("properties");
        for (String name : declared.propertyNames()) {
            properties.put(name, declared.get(name));
        }
        return properties;
    }

    private JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 20 && schema.has("$ref"); i++) {
            schema = document.at(schema.path("$ref").asString().substring(1));
        }
        if (schema.has("oneOf")) {
            return resolve(schema.path("oneOf").get(0));
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.path("type").asString();
        }
        return schema.has("properties") || schema.has("allOf") ? "object" : "string";
    }

    /** Sets (or, for a null value, removes) the node at {@code pointer}; returns the root. */
    private static JsonNode replace(JsonNode root, String pointer, JsonNode value) {
        if (pointer.isEmpty()) {
            return value == null ? NODES.objectNode() : value;
        }
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(last);
            }
            else {
                object.set(last, value);
            }
        }
        else if (parent instanceof ArrayNode array && !array.isEmpty()) {
            if (value == null) {
                array.remove(0);
            }
            else {
                array.set(0, value);
            }
        }
        return root;
    }

    // --- requests ------------------------------------------------------------------------------------------------

    private String basePath(Operation operation) {
        String path = operation.path();
        for (JsonNode parameter : operation.parameters()) {
            if ("path".equals(parameter.path("in").asString())) {
                path = substitute(path, parameter.path("name").asString(), fixture(parameter));
            }
        }
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asString();
            if ("query".equals(parameter.path("in").asString())
                    && (parameter.path("required").asBoolean(false) || queryValues.containsKey(name))) {
                String value = queryValues.getOrDefault(name, validInstance(parameter.path("schema"), 1).asString());
                path = withQuery(path, name, URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return path;
    }

    private String path(Operation operation, String brokenName, String brokenValue) {
        String path = operation.path();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asString();
            if ("path".equals(parameter.path("in").asString())) {
                path = substitute(path, name, name.equals(brokenName) ? brokenValue : fixture(parameter));
            }
        }
        String base = basePath(operation);
        int query = base.indexOf('?');
        return query < 0 ? path : path + base.substring(query);
    }

    private String fixture(JsonNode parameter) {
        List<String> values = pathValues.get(parameter.path("name").asString());
        if (values != null && !values.isEmpty()) {
            return URLEncoder.encode(values.get(random.nextInt(values.size())), StandardCharsets.UTF_8);
        }
        if ("integer".equals(type(parameter.path("schema")))) {
            return "1";
        }
        return String.format("%024x", random.nextLong() & Long.MAX_VALUE);
    }

    private static String substitute(String path, String name, String value) {
        return path.replace("{" + name + "}", value);
    }

    private static String withQuery(String path, String name, String encodedValue) {
        return path + (path.contains("?") ? "&" : "?") + URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + encodedValue;
    }

    private String bodyTypeOrNull(Operation operation) {
        return operation.jsonBodySchema() != null ? operation.jsonContentType() : null;
    }

    private byte[] baseBody(Operation operation) {
        JsonNode schema = operation.jsonBodySchema();
        return schema == null ? null : utf8(validInstance(schema, 0).toString());
    }

    private static Request request(Operation operation, String mutation, String path, String contentType, byte[] body) {
        return new Request(operation.method() + " " + operation.path(), mutation, operation.method(), path,
                contentType, body);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String printable = text.codePoints().limit(40)
                .collect(StringBuilder::new,
                        (b, c) -> b.append(c < 0x20 || c == 0x7f ? "\u00b7" : Character.toString(c)),
                        StringBuilder::append).toString();
        return text.length() > 40 ? printable + "...(" + text.length() + ")" : printable;
    }

    // --- types ---------------------------------------------------------------------------------------------------

    /** One operation of the document. */
    public final class Operation {

        private final String method;
        private final String path;
        private final JsonNode node;

        Operation(String method, String path, JsonNode node) {
            this.method = method;
            this.path = path;
            this.node = node;
        }

        public String method() {
            return method;
        }

        /** The path template, e.g. {@code /api/events/events/{eventId}}. */
        public String path() {
            return path;
        }

        public List<JsonNode> parameters() {
            List<JsonNode> parameters = new ArrayList<>();
            node.path("parameters").forEach(parameters::add);
            return parameters;
        }

        /** The schema of the JSON request body, or null when the operation takes none. */
        public JsonNode jsonBodySchema() {
            JsonNode content = node.path("requestBody").path("content");
            for (String type : content.propertyNames()) {
                if (type.contains("json")) {
                    return resolve(content.get(type).path("schema"));
                }
            }
            return null;
        }

        String jsonContentType() {
            JsonNode content = node.path("requestBody").path("content");
            Iterator<String> types = content.propertyNames().iterator();
            while (types.hasNext()) {
                String type = types.next();
                if (type.contains("json")) {
                    return type;
                }
            }
            return "application/json";
        }

        boolean multipart() {
            return node.path("requestBody").path("content").has("multipart/form-data");
        }

        /** The parts of a multipart body by name, or none. */
        Map<String, JsonNode> multipartProperties() {
            JsonNode schema = node.path("requestBody").path("content").path("multipart/form-data").path("schema");
            return schema.isMissingNode() ? Map.of() : properties(schema);
        }

        public boolean writes() {
            return WRITE_METHODS.contains(method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * One generated request.
     *
     * @param operation   {@code METHOD /path/{template}}
     * @param mutation    what is broken
     * @param path        the path with its query, URL-encoded
     * @param contentType the {@code Content-Type}, or null for none
     * @param body        the body bytes, or null for none
     */
    public record Request(String operation, String mutation, String method, String path, String contentType,
                          byte[] body) {

        public boolean writes() {
            return WRITE_METHODS.contains(method);
        }

        @Override
        public String toString() {
            return operation + " [" + mutation + "] " + method + " " + abbreviate(path)
                    + (body == null ? "" : " (" + body.length + " bytes of " + contentType + ")");
        }
    }

    /**
     * A mass-assignment probe: {@code field} sent to {@code operation}; {@code request} is null when the field is a
     * property of the operation's request schema ({@link #legitimate()}).
     */
    public record Probe(Operation operation, String field, Request request) {

        public boolean legitimate() {
            return request == null;
        }
    }

    private record Mutation(String name, JsonNode value) {
    }
}
