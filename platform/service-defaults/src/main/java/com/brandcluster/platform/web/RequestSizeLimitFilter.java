package com.brandcluster.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies above {@code brandcluster.web.max-request-bytes} with a 413 problem: at once when the
 * {@code Content-Length} says so, and while reading when the body is chunked (the stream then throws
 * {@link RequestTooLargeException}, which the exception handling turns into 413).
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final ServletProblemWriter problemWriter;
    private final long defaultLimit;
    private final Map<PathPattern, Long> limitsByPath = new LinkedHashMap<>();

    RequestSizeLimitFilter(ServletProblemWriter problemWriter, WebDefaultsProperties properties) {
        this.problemWriter = problemWriter;
        this.defaultLimit = properties.maxRequestBytes().toBytes();
        properties.maxRequestBytesByPath().forEach((pattern, size) ->
                limitsByPath.put(PathPatternParser.defaultInstance.parse(pattern), size.toBytes()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        long contentLength = request.getContentLengthLong();
        if (contentLength > limit) {
            problemWriter.write(request, response, tooLarge(limit));
            return;
        }
        chain.doFilter(contentLength < 0 ? new LimitedRequest(request, limit) : request, response);
    }

    static org.springframework.http.ProblemDetail tooLarge(long limit) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.slug(HttpStatus.CONTENT_TOO_LARGE),
                Problems.title(HttpStatus.CONTENT_TOO_LARGE), "The request body is larger than the limit of " + limit + " bytes.");
    }

    private long limitFor(HttpServletRequest request) {
        if (limitsByPath.isEmpty()) {
            return defaultLimit;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        for (Map.Entry<PathPattern, Long> entry : limitsByPath.entrySet()) {
            if (entry.getKey().matches(path)) {
                return entry.getValue();
            }
        }
        return defaultLimit;
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestTooLargeException {
            count += n;
            if (count > limit) {
                throw new RequestTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
