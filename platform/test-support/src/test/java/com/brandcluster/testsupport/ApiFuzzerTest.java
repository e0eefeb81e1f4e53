package com.brandcluster.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ApiFuzzerTest {

    private static final JsonNode DOCUMENT = Json.parse("""
            {"openapi": "3.1.0", "paths": {
              "/api/things/clusters/{clusterId}/things": {
                "get": {"parameters": [
                  {"in": "path", "name": "clusterId", "required": true, "schema": {"type": "string"}},
                  {"in": "query", "name": "size", "schema": {"type": "integer", "maximum": 100, "minimum": 1}}]},
                "post": {"parameters": [
                  {"in": "path", "name": "clusterId", "required": true, "schema": {"type": "string"}}],
                  "requestBody": {"content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Thing"}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "required": ["title"], "properties": {
               "title": {"type": "string", "maxLength": 20},
               "kind": {"type": "string", "enum": ["A", "B"]},
               "count": {"type": "integer", "minimum": 1, "maximum": 9},
               "id": {"type": "string"},
               "tags": {"type": "array", "maxItems": 3, "items": {"type": "string"}},
               "address": {"type": "object", "properties": {"city": {"type": "string"}}}}}}}}
            """);

    @Test
    void theSameSeedGivesTheSameRequests() {
        List<ApiFuzzer.Request> first = fuzzer(7).requests();
        List<ApiFuzzer.Request> again = fuzzer(7).requests();
        List<ApiFuzzer.Request> other = fuzzer(8).requests();

        assertThat(again).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i).path()).isEqualTo(first.get(i).path());
            assertThat(again.get(i).body()).isEqualTo(first.get(i).body());
        }
        assertThat(other.stream().map(ApiFuzzer.Request::toString).toList())
                .isNotEqualTo(first.stream().map(ApiFuzzer.Request::toString).toList());
    }

    @Test
    void breaksEveryParameterAndPropertyOfEveryOperation() {
        List<ApiFuzzer.Request> requests = fuzzer(1).requests();

        assertThat(requests).extracting(ApiFuzzer.Request::operation).contains(
                "GET /api/things/clusters/{clusterId}/things", "POST /api/things/clusters/{clusterId}/things");
        assertThat(requests).extracting(ApiFuzzer.Request::mutation).contains(
                "path clusterId=..%2F..%2Fetc%2Fpasswd", "query size=101", "query size=-1",
                "body /title: null", "body /title: missing", "body /title: maxLength + 1",
                "body /kind: unknown enum value", "body /count: maximum + 1", "body /count: huge",
                "body /tags: maxItems + 1", "body: unknown property", "body: invalid UTF-8", "body: empty",
                "body: deeply nested arrays", "content type text/plain");
        assertThat(requests).filteredOn(r -> r.mutation().equals("body /count: wrong type STRING"))
                .singleElement().satisfies(r -> assertThat(text(r)).contains("\"count\":\"not a integer\""));
    }

    @Test
    void nestsBeyondWhatJacksonWouldWrite() {
        ApiFuzzer.Request nested = fuzzer(1).requests().stream()
                .filter(r -> r.mutation().equals("body /address: deep nesting")).findFirst().orElseThrow();

        assertThat(text(nested)).contains("\"address\":[{\"a\":[{\"a\":").doesNotContain("__nested__");
    }

    @Test
    void putsEachSensitiveFieldTheSchemaLacksFirstAndNamesTheOnesItHas() {
        List<ApiFuzzer.Probe> probes = fuzzer(1).massAssignment(ApiFuzzer.SENSITIVE_FIELDS);

        assertThat(ApiFuzzer.legitimate(probes)).containsExactly("POST /api/things/clusters/{clusterId}/things id");
        assertThat(probes).filteredOn(p -> p.field().equals("memberNumber")).singleElement()
                .satisfies(p -> assertThat(text(p.request())).startsWith("{\"memberNumber\":"));
        assertThat(probes).hasSize(ApiFuzzer.SENSITIVE_FIELDS.size());
    }

    @Test
    void asksForOnePageAboveTheDocumentedMaximum() {
        assertThat(fuzzer(1).oversizedPages()).extracting(ApiFuzzer.Request::path)
                .containsExactly("/api/things/clusters/lighting/things?size=101");
    }

    private static ApiFuzzer fuzzer(long seed) {
        return ApiFuzzer.forDocument(DOCUMENT, seed).rounds(2).pathValue("clusterId", "lighting");
    }

    private static String text(ApiFuzzer.Request request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }
}
