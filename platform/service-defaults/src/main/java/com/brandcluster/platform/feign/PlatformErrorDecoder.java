package com.brandcluster.platform.feign;

import java.io.IOException;
import java.io.InputStream;

import feign.Response;
import feign.codec.ErrorDecoder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * Remote error answers to domain exceptions: 404 to {@link RemoteNotFoundException}, 5xx and 429 to
 * {@link RemoteServiceUnavailableException}, any other 4xx to {@link RemoteProblemException} carrying the remote
 * problem's type, title and detail. So a remote 404 is a 404 here, never a 500.
 */
final class PlatformErrorDecoder implements ErrorDecoder {

    private static final Logger log = LoggerFactory.getLogger(PlatformErrorDecoder.class);

    /** Problem bodies are small; anything bigger is not read. */
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final JsonMapper jsonMapper;

    PlatformErrorDecoder(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        HttpStatus httpStatus = HttpStatus.resolve(status);
        if (status >= 500 || status == 429 || httpStatus == null || status < 400) {
            log.warn("{} answered {}", methodKey, status);
            return new RemoteServiceUnavailableException(methodKey, "status " + status, null);
        }
        JsonNode problem = problem(response);
        String type = text(problem, "type");
        String title = text(problem, "title");
        String detail = text(problem, "detail");
        if (status == 404) {
            return new RemoteNotFoundException(methodKey, type, title, detail);
        }
        log.debug("{} answered {} {}", methodKey, status, type);
        return new RemoteProblemException(methodKey, httpStatus, type, title, detail);
    }

    private @Nullable JsonNode problem(Response response) {
        if (response.body() == null) {
            return null;
        }
        try (InputStream body = response.body().asInputStream()) {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES);
            if (bytes.length == 0) {
                return null;
            }
            JsonNode node = jsonMapper.readTree(bytes);
            return node != null && node.isObject() ? node : null;
        }
        catch (IOException | RuntimeException ex) {
            // not a problem detail (an HTML error page, a cut connection): the status alone decides
            return null;
        }
    }

    private static @Nullable String text(@Nullable JsonNode problem, String member) {
        if (problem == null) {
            return null;
        }
        JsonNode value = problem.get(member);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}
