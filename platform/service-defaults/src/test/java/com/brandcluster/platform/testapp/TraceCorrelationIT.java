package com.brandcluster.platform.testapp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The trace id of a request is in its log lines and in its problem details, and 500s are logged with it. */
@TestAppIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TraceCorrelationIT {

    private static final String TRACE_ID = "5c0a4e3f1b2d4c6e8a9b0c1d2e3f4a5b";

    @LocalServerPort
    int port;

    @Test
    void putsTheTraceIdInEveryLogLineOfTheRequest(CapturedOutput output) {
        Http.Response response = new Http(port).get("/api/test/me",
                "Authorization", TestTokens.user("u-log").roles(Roles.EXPERT).bearer(),
                "traceparent", "00-" + TRACE_ID + "-1a2b3c4d5e6f7a8b-01");

        assertThat(response.status()).isEqualTo(200);
        await().untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("Caller asked who they are")))
                .singleElement().asString().contains("[" + TRACE_ID + ","));
    }

    @Test
    void logsAnUnexpectedErrorWithItsTraceIdAndStackTrace(CapturedOutput output) {
        Http.Response response = new Http(port).get("/api/test/boom",
                "Authorization", TestTokens.user("u-log").roles(Roles.EXPERT).bearer(),
                "traceparent", "00-" + TRACE_ID + "-2a2b3c4d5e6f7a8b-01");

        assertThat(response.json().get("traceId").asString()).isEqualTo(TRACE_ID);
        await().untilAsserted(() -> assertThat(output.getOut())
                .contains("failed with 500 (traceId " + TRACE_ID + ")")
                .contains("java.lang.IllegalStateException"));
    }
}
