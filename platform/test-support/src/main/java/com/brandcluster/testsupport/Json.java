package com.brandcluster.testsupport;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper test-support uses for its own HTTP calls (Jackson 3). */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * Whether an answer is an RFC 9457 problem detail: {@code application/problem+json} with a {@code type}, a
     * {@code title} and the answer's {@code status}.
     */
    static boolean isProblem(int status, String contentType, String body) {
        if (!contentType.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = parse(body);
            return problem.path("status").asInt() == status && problem.hasNonNull("type") && problem.hasNonNull("title");
        }
        catch (JacksonException ex) {
            return false;
        }
    }
}
