package com.brandcluster.assets.storage;

import com.brandcluster.assets.AssetsIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downloads of a version against known bytes: a file of 600,000 bytes spans three GridFS chunks, so ranges start and
 * end inside chunks and cross their boundaries. Validators, conditional requests, RFC 9110 ranges (first bytes, suffix,
 * middle, several, unsatisfiable, If-Range) and the attachment name.
 */
class DownloadIT extends AssetsIntegrationTest {

    private static final int SIZE = 600_000;

    private byte[] bytes;
    private String content;
    private String member;
    private String etag;

    @BeforeEach
    void asset() throws Exception {
        String cluster = cluster();
        bytes = TestFiles.png(SIZE - 16);
        String assetId = published(cluster, Map.of(), bytes, "品牌标志 full colour.png");
        content = assetPath(assetId) + "/content";
        member = memberUser(cluster, MEMBER_TIER);
        etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + "\"";
    }

    @Test
    void sendsTheWholeFileWithItsValidatorsAndASafeAttachmentName() {
        HttpResponse<byte[]> whole = get(Map.of());

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(bytes);
        assertThat(header(whole, "Content-Type")).isEqualTo("image/png");
        assertThat(header(whole, "Content-Length")).isEqualTo(Integer.toString(SIZE));
        assertThat(header(whole, "ETag")).isEqualTo(etag);
        assertThat(header(whole, "Last-Modified")).isNotBlank();
        assertThat(header(whole, "Accept-Ranges")).isEqualTo("bytes");
        assertThat(header(whole, "Cache-Control")).isEqualTo("private, no-cache");
        assertThat(header(whole, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(whole, "Content-Disposition")).isEqualTo("attachment; filename=\"____ full colour.png\"; "
                + "filename*=UTF-8''%E5%93%81%E7%89%8C%E6%A0%87%E5%BF%97%20full%20colour.png");
    }

    @Test
    void answersNotModifiedToAMatchingEtagOrAnUnchangedDate() {
        HttpResponse<byte[]> byEtag = get(Map.of("If-None-Match", "\"other\", W/" + etag));
        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(header(byEtag, "ETag")).isEqualTo(etag);

        assertThat(get(Map.of("If-None-Match", "\"other\"")).statusCode()).isEqualTo(200);
        String lastModified = header(get(Map.of()), "Last-Modified");
        assertThat(get(Map.of("If-Modified-Since", lastModified)).statusCode()).isEqualTo(304);
        assertThat(get(Map.of("If-Modified-Since", httpDate(ZonedDateTime.now(ZoneOffset.UTC).minusDays(1))))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void sendsTheFirstBytes() {
        assertRange(get(Map.of("Range", "bytes=0-99")), 0, 99);
    }

    @Test
    void sendsASuffix() {
        assertRange(get(Map.of("Range", "bytes=-1000")), SIZE - 1000, SIZE - 1);
    }

    @Test
    void sendsTheMiddleAcrossAChunkBoundary() {
        int chunk = 255 * 1024;
        assertRange(get(Map.of("Range", "bytes=" + (chunk - 10) + "-" + (chunk + 9))), chunk - 10, chunk + 9);
        assertRange(get(Map.of("Range", "bytes=500000-")), 500_000, SIZE - 1);
        assertRange(get(Map.of("Range", "bytes=599990-700000")), 599_990, SIZE - 1);
    }

    @Test
    void sendsSeveralRangesAsMultipartByteranges() {
        HttpResponse<byte[]> response = get(Map.of("Range", "bytes=0-9,300000-300099,-5"));

        assertThat(response.statusCode()).isEqualTo(206);
        Matcher boundary = Pattern.compile("multipart/byteranges; boundary=(\\S+)")
                .matcher(header(response, "Content-Type"));
        assertThat(boundary.matches()).isTrue();
        assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(response.body().length));
        String body = new String(response.body(), StandardCharsets.ISO_8859_1);
        String[] parts = body.split("\r\n--" + Pattern.quote(boundary.group(1)));
        assertThat(parts).hasSize(5);
        assertThat(parts[0]).isEmpty();
        assertThat(parts[4]).isEqualTo("--\r\n");
        assertPart(parts[1], 0, 9);
        assertPart(parts[2], 300_000, 300_099);
        assertPart(parts[3], SIZE - 5, SIZE - 1);
    }

    @Test
    void answersRangeNotSatisfiableWithTheSize() {
        HttpResponse<byte[]> response = get(Map.of("Range", "bytes=600000-"));

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(header(response, "Content-Range")).isEqualTo("bytes */" + SIZE);
        assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("urn:brandcluster:problem:range-not-satisfiable");
    }

    @Test
    void ignoresARangeHeaderThatIsNotAByteRangeSet() {
        HttpResponse<byte[]> response = get(Map.of("Range", "bytes=10-5"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bytes);
    }

    @Test
    void honoursIfRangeOnlyForTheSameRepresentation() {
        assertRange(get(Map.of("Range", "bytes=0-99", "If-Range", etag)), 0, 99);
        String lastModified = header(get(Map.of()), "Last-Modified");
        assertRange(get(Map.of("Range", "bytes=0-99", "If-Range", lastModified)), 0, 99);

        HttpResponse<byte[]> changed = get(Map.of("Range", "bytes=0-99", "If-Range", "\"another-version\""));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(bytes);
        HttpResponse<byte[]> weak = get(Map.of("Range", "bytes=0-99", "If-Range", "W/" + etag));
        assertThat(weak.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> earlier = get(Map.of("Range", "bytes=0-99",
                "If-Range", httpDate(ZonedDateTime.now(ZoneOffset.UTC).minusDays(1))));
        assertThat(earlier.statusCode()).isEqualTo(200);
        assertThat(earlier.body()).hasSize(SIZE);
    }

    private void assertRange(HttpResponse<byte[]> response, int first, int last) {
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(header(response, "Content-Range")).isEqualTo("bytes " + first + "-" + last + "/" + SIZE);
        assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(last - first + 1));
        assertThat(header(response, "Content-Type")).isEqualTo("image/png");
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(bytes, first, last + 1));
    }

    private void assertPart(String part, int first, int last) {
        String head = "\r\nContent-Type: image/png\r\nContent-Range: bytes " + first + "-" + last + "/" + SIZE
                + "\r\n\r\n";
        assertThat(part).startsWith(head);
        assertThat(part.substring(head.length()).getBytes(StandardCharsets.ISO_8859_1))
                .isEqualTo(Arrays.copyOfRange(bytes, first, last + 1));
    }

    private HttpResponse<byte[]> get(Map<String, String> headers) {
        return http.download(member, content, headers);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String httpDate(ZonedDateTime at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at);
    }
}
