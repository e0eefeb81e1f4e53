package com.brandcluster.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestSizeLimitFilterTest {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(
            new ServletProblemWriter(JsonMapper.builder().build()),
            new WebDefaultsProperties(DataSize.ofBytes(100), Map.of("/api/assets/**", DataSize.ofKilobytes(10))));

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutCallingTheApplication() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(post("/api/members", 101, false), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("urn:brandcluster:problem:payload-too-large")
                .contains("\"traceId\"").contains("\"instance\":\"/api/members\"");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void allowsLargerBodiesOnConfiguredPaths() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(post("/api/assets/lighting/logo", 5_000, false), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void stopsReadingAnUndeclaredBodyAtTheLimit() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(post("/api/members", 500, true), new MockHttpServletResponse(), chain);

        HttpServletRequest passedOn = (HttpServletRequest) chain.getRequest();
        assertThatThrownBy(() -> passedOn.getInputStream().readAllBytes())
                .isInstanceOfSatisfying(RequestTooLargeException.class, ex -> assertThat(ex.limit()).isEqualTo(100));
    }

    @Test
    void passesAnUndeclaredBodyUnderTheLimit() throws IOException, ServletException {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(post("/api/members", 60, true), new MockHttpServletResponse(), chain);

        assertThat(((HttpServletRequest) chain.getRequest()).getReader().readLine()).hasSize(60);
    }

    private static MockHttpServletRequest post(String path, int bytes, boolean chunked) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return chunked ? -1 : super.getContentLengthLong();
            }
        };
        request.setContent("x".repeat(bytes).getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
