package com.brandcluster.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/**
 * The committed OpenAPI documents under {@code openapi/} at the repository root, one per service
 * ({@code openapi/<module>.json}), and the check that keeps them in step with the code: a service's
 * {@code OpenApiDocumentIT} fetches its live document and calls {@link #assertMatchesCommitted}. When they differ
 * the test fails, naming the first differences; outside CI (environment variable {@code CI} unset) it also rewrites
 * the committed file, so the developer reviews the diff and commits it.
 */
public final class OpenApiDocuments {

    /** Set (to anything) on CI: the committed file is then never rewritten. */
    public static final String CI_ENV = "CI";

    private static final int SHOWN_DIFFERENCES = 15;

    private OpenApiDocuments() {
    }

    /** Fetches {@code /v3/api-docs} from the service on {@code port} and checks it against the committed document. */
    public static void assertMatchesCommitted(String module, int port) {
        assertMatchesCommitted(committedFile(module), fetch(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")),
                System.getenv(CI_ENV) == null);
    }

    /**
     * Compares {@code actualJson} with the document in {@code committed} (as JSON: formatting aside); on drift fails
     * and, when {@code rewrite}, first writes {@code actualJson}, pretty-printed, to {@code committed}.
     */
    public static void assertMatchesCommitted(Path committed, String actualJson, boolean rewrite) {
        JsonNode actual = parse(actualJson, "the service's document");
        JsonNode expected = Files.exists(committed) ? parse(read(committed), committed.toString()) : null;
        if (actual.equals(expected)) {
            return;
        }
        List<String> differences = expected == null ? List.of("the file does not exist") : differences(expected, actual);
        if (rewrite) {
            write(committed, format(actual));
        }
        StringBuilder message = new StringBuilder(committed + " does not match the service's OpenAPI document");
        message.append(" (").append(differences.size()).append(differences.size() == 1 ? " difference" : " differences")
                .append("):");
        differences.stream().limit(SHOWN_DIFFERENCES).forEach(d -> message.append("\n  ").append(d));
        if (differences.size() > SHOWN_DIFFERENCES) {
            message.append("\n  ...");
        }
        message.append(rewrite
                ? "\nThe file has been rewritten from the code: review the diff (git diff openapi/) and commit it."
                : "\nRun the test without the CI environment variable to rewrite it, review the diff and commit it.");
        throw new AssertionError(message.toString());
    }

    /** {@code openapi/<module>.json} at the repository root (the nearest directory up from here holding mvnw). */
    public static Path committedFile(String module) {
        return repositoryRoot().resolve("openapi").resolve(module + ".json");
    }

    /** The committed document of {@code module}, parsed. */
    public static JsonNode committed(String module) {
        Path file = committedFile(module);
        return parse(read(file), file.toString());
    }

    /** The document as committed: two-space indents, the keys in the order the service wrote them, a final newline. */
    public static String format(JsonNode document) {
        return Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document) + "\n";
    }

    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        collect("", expected, actual, differences);
        return differences;
    }

    private static void collect(String pointer, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new LinkedHashSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!actual.has(name)) {
                    out.add("removed " + child);
                }
                else if (!expected.has(name)) {
                    out.add("added   " + child);
                }
                else {
                    collect(child, expected.get(name), actual.get(name), out);
                }
            }
        }
        else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> e = expected.iterator();
            Iterator<JsonNode> a = actual.iterator();
            for (int i = 0; e.hasNext(); i++) {
                collect(pointer + "/" + i, e.next(), a.next(), out);
            }
        }
        else {
            out.add("changed " + (pointer.isEmpty() ? "/" : pointer) + ": " + abbreviate(expected) + " -> "
                    + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (a directory with mvnw) above "
                + Path.of("").toAbsolutePath());
    }

    private static String fetch(URI uri) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("GET " + uri + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching " + uri, ex);
        }
    }

    private static JsonNode parse(String json, String what) {
        try {
            return Json.parse(json);
        }
        catch (JacksonException ex) {
            throw new AssertionError(what + " is not JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
