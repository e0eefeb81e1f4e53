package com.brandcluster.platform.feign;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import feign.Request;
import feign.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformErrorDecoderTest {

    private final PlatformErrorDecoder decoder = new PlatformErrorDecoder(JsonMapper.builder().build());

    @Test
    void turns404IntoRemoteNotFoundWithTheRemoteDetail() {
        Exception ex = decoder.decode("DirectoryClient#enterprise(String)", response(404, """
                {"type":"urn:brandcluster:problem:not-found","title":"Not Found","status":404,"detail":"Enterprise e-9 was not found."}"""));

        assertThat(ex).isInstanceOfSatisfying(RemoteNotFoundException.class, notFound -> {
            assertThat(notFound.status().value()).isEqualTo(404);
            assertThat(notFound.type()).isEqualTo("not-found");
            assertThat(notFound.detail()).isEqualTo("Enterprise e-9 was not found.");
            assertThat(notFound.methodKey()).isEqualTo("DirectoryClient#enterprise(String)");
        });
    }

    @Test
    void turns404WithoutABodyIntoRemoteNotFoundWithAGenericDetail() {
        Exception ex = decoder.decode("C#m()", response(404, ""));

        assertThat(ex).isInstanceOfSatisfying(RemoteNotFoundException.class,
                notFound -> assertThat(notFound.detail()).isEqualTo("There is nothing at this address."));
    }

    @Test
    void turnsServerErrorsAndThrottlingIntoRemoteServiceUnavailable() {
        for (int status : new int[] {500, 502, 503, 504, 429}) {
            assertThat(decoder.decode("C#m()", response(status, "<html>Stack trace: secret</html>")))
                    .isInstanceOfSatisfying(RemoteServiceUnavailableException.class, ex -> {
                        assertThat(ex.status().value()).isEqualTo(503);
                        assertThat(ex.detail()).doesNotContain("secret");
                        assertThat(ex.reason()).isEqualTo("status " + status);
                    });
        }
    }

    @Test
    void passesOtherClientErrorsOnWithTheRemoteProblem() {
        Exception ex = decoder.decode("C#m()", response(422, """
                {"type":"urn:brandcluster:problem:application-not-submitted","title":"Application is not submitted",
                 "status":422,"detail":"Only a submitted application can be approved."}"""));

        assertThat(ex).isInstanceOfSatisfying(RemoteProblemException.class, problem -> {
            assertThat(problem).isNotInstanceOf(RemoteNotFoundException.class);
            assertThat(problem.status().value()).isEqualTo(422);
            assertThat(problem.type()).isEqualTo("application-not-submitted");
            assertThat(problem.title()).isEqualTo("Application is not submitted");
        });
    }

    @Test
    void usesDefaultsForANonProblemBody() {
        Exception ex = decoder.decode("C#m()", response(409, "conflict!"));

        assertThat(ex).isInstanceOfSatisfying(RemoteProblemException.class, problem -> {
            assertThat(problem.type()).isEqualTo("conflict");
            assertThat(problem.detail()).isEqualTo("The request conflicts with the current state of the resource.");
        });
    }

    private static Response response(int status, String body) {
        Request request = Request.create(Request.HttpMethod.GET, "http://remote/x", Map.of(), null,
                StandardCharsets.UTF_8, null);
        return Response.builder().status(status).request(request).headers(Map.of())
                .body(body, StandardCharsets.UTF_8).build();
    }
}
