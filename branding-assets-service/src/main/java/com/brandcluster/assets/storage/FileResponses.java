package com.brandcluster.assets.storage;

import com.brandcluster.platform.web.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Answers a GET of a stored file as HTTP semantics (RFC 9110) ask: validators ({@code ETag}: the SHA-256, strong;
 * {@code Last-Modified}), conditional requests ({@code If-None-Match}, else {@code If-Modified-Since}: 304), ranges
 * ({@code Range} with {@code If-Range}: 206 with one range or {@code multipart/byteranges}, 416 with
 * {@code Content-Range: bytes *}/size when none is satisfiable) and an attachment {@code Content-Disposition}. The bytes
 * stream from GridFS straight into the response, each range read from its offset on, so memory use does not depend on
 * the file's size.
 * <p>
 * Written here rather than left to Spring MVC's {@code ResourceRegion} support, which would stream a GridFS resource
 * too, but ignores {@code If-Range} (a client resuming a download of a file that has changed would splice two
 * versions together) and answers 416 to a malformed {@code Range} that RFC 9110 says to ignore.
 */
@Component
public class FileResponses {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int BUFFER = 64 * 1024;

    private final FileStore files;

    FileResponses(FileStore files) {
        this.files = files;
    }

    /** As {@link #write(StoredFile, String, HttpServletRequest, HttpServletResponse, Runnable)}, recording nothing. */
    public void write(StoredFile file, String cacheControl, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        write(file, cacheControl, request, response, () -> { });
    }

    /**
     * Writes the file, or 304, 206 or 416, to the response.
     *
     * @param cacheControl  the {@code Cache-Control} the caller's entitlement allows
     * @param onNewDownload run just before the bytes of a response that starts a download go out: the whole file, or
     *                      ranges that include its first byte; not for a 304, nor for ranges that continue a download
     */
    public void write(StoredFile file, String cacheControl, HttpServletRequest request, HttpServletResponse response,
                      Runnable onNewDownload) throws IOException {
        String etag = etag(file);
        Instant lastModified = lastModified(file);
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified.toEpochMilli());
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (notModified(request, etag, lastModified)) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        ByteRanges.Resolution resolution = rangeApplies(request, etag, lastModified)
                ? ByteRanges.resolve(request.getHeader(HttpHeaders.RANGE), file.size())
                : new ByteRanges.Whole();
        if (resolution instanceof ByteRanges.Unsatisfiable) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + file.size());
            throw new RangeNotSatisfiableException(file.size());
        }
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Filenames.attachment(file.filename()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!(resolution instanceof ByteRanges.Partial(List<ByteRanges.ByteRange> ranges))
                || ranges.stream().anyMatch(range -> range.first() == 0)) {
            onNewDownload.run();
        }
        switch (resolution) {
            case ByteRanges.Partial(List<ByteRanges.ByteRange> ranges) when ranges.size() == 1 ->
                    single(file, ranges.getFirst(), response);
            case ByteRanges.Partial(List<ByteRanges.ByteRange> ranges) -> multiple(file, ranges, response);
            default -> whole(file, response);
        }
    }

    /**
     * Whether the request only continues a download begun earlier: it asks, with a {@code Range} that applies to
     * this file, for ranges that all start after the first byte. Such a request is not a download of its own when
     * downloads are counted or limited; one that starts at the first byte is.
     */
    public boolean continuesDownload(StoredFile file, HttpServletRequest request) {
        if (!rangeApplies(request, etag(file), lastModified(file))) {
            return false;
        }
        return ByteRanges.resolve(request.getHeader(HttpHeaders.RANGE), file.size())
                instanceof ByteRanges.Partial(List<ByteRanges.ByteRange> ranges)
                && ranges.stream().allMatch(range -> range.first() > 0);
    }

    private void whole(StoredFile file, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        copy(file, 0, file.size(), response.getOutputStream());
    }

    private void single(StoredFile file, ByteRanges.ByteRange range, HttpServletResponse response)
            throws IOException {
        response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
        response.setContentType(file.contentType());
        response.setHeader(HttpHeaders.CONTENT_RANGE, range.contentRange(file.size()));
        response.setContentLengthLong(range.length());
        copy(file, range.first(), range.length(), response.getOutputStream());
    }

    /** {@code multipart/byteranges} (RFC 9110 section 14.6), with its exact length computed up front. */
    private void multiple(StoredFile file, List<ByteRanges.ByteRange> ranges, HttpServletResponse response)
            throws IOException {
        String boundary = UUID.randomUUID().toString().replace("-", "");
        long length = 0;
        for (ByteRanges.ByteRange range : ranges) {
            length += partHead(boundary, file, range).length + range.length();
        }
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        length += end.length;
        response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
        response.setContentType("multipart/byteranges; boundary=" + boundary);
        response.setContentLengthLong(length);
        OutputStream out = response.getOutputStream();
        for (ByteRanges.ByteRange range : ranges) {
            out.write(partHead(boundary, file, range));
            copy(file, range.first(), range.length(), out);
        }
        out.write(end);
    }

    private static byte[] partHead(String boundary, StoredFile file, ByteRanges.ByteRange range) {
        return ("\r\n--" + boundary + "\r\nContent-Type: " + file.contentType() + "\r\nContent-Range: "
                + range.contentRange(file.size()) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private void copy(StoredFile file, long offset, long length, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long remaining = length;
        try (InputStream in = files.open(file.fileId(), offset)) {
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new IOException("File " + file.fileId() + " ended " + remaining + " bytes early");
                }
                out.write(buffer, 0, read);
                remaining -= read;
            }
        }
    }

    /** If-None-Match (weak comparison) when present, else If-Modified-Since. */
    private static boolean notModified(HttpServletRequest request, String etag, Instant lastModified) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                if (candidate.equals("*") || opaque(candidate).equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        Instant since = httpDate(request.getHeader(HttpHeaders.IF_MODIFIED_SINCE));
        return since != null && !lastModified.isAfter(since);
    }

    /** A Range is honoured unless If-Range names another representation (strong comparison, or the exact date). */
    private static boolean rangeApplies(HttpServletRequest request, String etag, Instant lastModified) {
        if (request.getHeader(HttpHeaders.RANGE) == null) {
            return false;
        }
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        if (ifRange == null) {
            return true;
        }
        String condition = ifRange.strip();
        if (condition.startsWith("\"") || condition.startsWith("W/")) {
            return condition.equals(etag);
        }
        Instant date = httpDate(condition);
        return date != null && date.equals(lastModified);
    }

    private static String etag(StoredFile file) {
        return "\"" + file.sha256() + "\"";
    }

    private static Instant lastModified(StoredFile file) {
        return file.storedAt().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static Instant httpDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.from(HTTP_DATE.parse(value.strip()));
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** 416: none of the requested ranges lies inside the file. */
    static final class RangeNotSatisfiableException extends DomainException {

        RangeNotSatisfiableException(long size) {
            super(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable", "Range not satisfiable",
                    "None of the requested ranges lies within the file's " + size + " bytes.");
            withProperty("size", size);
        }
    }
}
