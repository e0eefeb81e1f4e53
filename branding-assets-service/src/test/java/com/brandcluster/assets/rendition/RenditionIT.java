package com.brandcluster.assets.rendition;

import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.assets.storage.TestFiles;
import com.brandcluster.testsupport.ApiClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renditions made from SVG and PNG versions at each size, cached after the first request, and served with the same
 * HTTP semantics as the version's file.
 */
class RenditionIT extends AssetsIntegrationTest {

    @Autowired
    private MeterRegistry meters;

    private String cluster;
    private String member;

    @BeforeEach
    void clusterWithAMember() {
        cluster = cluster();
        member = memberUser(cluster, MEMBER_TIER);
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 512, 1024})
    void rendersAnSvgLogoAtEachSize(int size) {
        String logo = published(cluster, Map.of(), RenditionImages.svg(), "cluster-mark.svg");

        HttpResponse<byte[]> response = rendition(member, logo, size, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("image/png");
        BufferedImage image = RenditionImages.decode(response.body());
        assertThat(image.getWidth()).isEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(size / 2);
        assertThat(RenditionImages.redLeftTransparentRight(image)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 512, 1024})
    void rendersAPngLogoAtEachSize(int size) {
        String logo = published(cluster, Map.of(), RenditionImages.png(300, 600), "cluster-mark.png");

        HttpResponse<byte[]> response = rendition(member, logo, size, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        BufferedImage image = RenditionImages.decode(response.body());
        assertThat(image.getWidth()).isEqualTo(size / 2);
        assertThat(image.getHeight()).isEqualTo(size);
        assertThat(RenditionImages.redLeftTransparentRight(image)).isTrue();
    }

    @Test
    void rendersAPhotoToo() {
        String photo = published(cluster, Map.of("kind", "PHOTO"), RenditionImages.png(2000, 1000), "fair.png");

        BufferedImage image = RenditionImages.decode(rendition(member, photo, 512, Map.of()).body());

        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(256);
    }

    @Test
    void rendersAJpegPhoto() {
        String photo = published(cluster, Map.of("kind", "PHOTO"), RenditionImages.jpeg(1200, 900), "stand.jpg");

        HttpResponse<byte[]> response = rendition(member, photo, 1024, Map.of());

        assertThat(header(response, "Content-Type")).isEqualTo("image/png");
        BufferedImage image = RenditionImages.decode(response.body());
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(image.getHeight()).isEqualTo(768);
    }

    @Test
    void storesTheRenditionOnceAndStreamsItAfterwards() throws Exception {
        String logo = published(cluster, Map.of(), RenditionImages.svg(), "cluster-mark.svg");
        double before = generations();

        HttpResponse<byte[]> first = rendition(member, logo, 512, Map.of());
        HttpResponse<byte[]> second = rendition(secretariatOf(cluster), logo, 512, Map.of());

        assertThat(generations()).isEqualTo(before + 1);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(storedRenditions()).isEqualTo(1);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(first.body()));
        assertThat(header(first, "ETag")).isEqualTo("\"" + sha256 + "\"");

        rendition(member, logo, 256, Map.of());
        assertThat(generations()).isEqualTo(before + 2);
        assertThat(storedRenditions()).isEqualTo(2);
    }

    @Test
    void answersLikeTheVersionsFile() {
        String logo = published(cluster, Map.of(), RenditionImages.svg(), "品牌标志.svg");
        HttpResponse<byte[]> whole = rendition(member, logo, 256, Map.of());
        String etag = header(whole, "ETag");

        assertThat(header(whole, "Cache-Control")).isEqualTo("private, no-cache");
        assertThat(header(whole, "Accept-Ranges")).isEqualTo("bytes");
        assertThat(header(whole, "Last-Modified")).isNotBlank();
        assertThat(header(whole, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(whole, "Content-Disposition")).isEqualTo("attachment; filename=\"____-256.png\"; "
                + "filename*=UTF-8''%E5%93%81%E7%89%8C%E6%A0%87%E5%BF%97-256.png");

        HttpResponse<byte[]> notModified = rendition(member, logo, 256, Map.of("If-None-Match", etag));
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();

        HttpResponse<byte[]> range = rendition(member, logo, 256, Map.of("Range", "bytes=0-99"));
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(header(range, "Content-Range")).isEqualTo("bytes 0-99/" + whole.body().length);
        assertThat(range.body()).isEqualTo(Arrays.copyOf(whole.body(), 100));
    }

    @Test
    void aPublicLogosRenditionMayBeCachedByAnyone() {
        String logo = published(cluster, Map.of("accessLevel", "PUBLIC"), RenditionImages.svg(), "mark.svg");

        HttpResponse<byte[]> response = rendition(null, logo, 256, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Cache-Control")).isEqualTo("public, no-cache");
    }

    @Test
    void rendersTheVersionAskedFor() {
        String logo = published(cluster, Map.of(), RenditionImages.png(400, 200), "mark.png");
        String secretariat = secretariatOf(cluster);
        assertThat(addVersion(secretariat, logo, RenditionImages.png(200, 400), "mark-tall.png").status())
                .isEqualTo(201);

        assertProblem(get(member, logo, "/renditions/256?version=2"), 404, "version-not-found");
        BufferedImage draft = RenditionImages.decode(http.download(secretariat,
                assetPath(logo) + "/renditions/256?version=2", Map.of()).body());
        assertThat(draft.getWidth()).isEqualTo(128);

        assertThat(publish(secretariat, logo, 2).status()).isEqualTo(200);
        BufferedImage current = RenditionImages.decode(rendition(member, logo, 256, Map.of()).body());
        BufferedImage first = RenditionImages.decode(http.download(member,
                assetPath(logo) + "/renditions/256?version=1", Map.of()).body());
        assertThat(current.getWidth()).isEqualTo(128);
        assertThat(first.getWidth()).isEqualTo(256);
    }

    @Test
    void offersOnlyTheThreeSizes() {
        String logo = published(cluster, Map.of(), RenditionImages.svg(), "mark.svg");

        for (String size : new String[] {"300", "0", "-256", "2048"}) {
            assertProblem(get(member, logo, "/renditions/" + size), 404, "rendition-not-found");
        }
        assertProblem(get(member, logo, "/renditions/large"), 400, null);
        assertThat(storedRenditions()).isZero();
    }

    @Test
    void makesNoRenditionOfOtherKindsOrOtherFiles() {
        String guideline = published(cluster, Map.of("kind", "GUIDELINE"), RenditionImages.png(100, 100), "g.png");
        String pdfLogo = published(cluster, Map.of(), TestFiles.pdf(), "mark.pdf");

        assertProblem(get(member, guideline, "/renditions/256"), 404, "rendition-not-found");
        assertProblem(get(member, pdfLogo, "/renditions/256"), 404, "rendition-not-found");
        assertThat(storedRenditions()).isZero();
    }

    @Test
    void aDamagedImageIsUnprocessable() {
        // a PNG signature and header followed by noise: accepted as a PNG upload, but no image
        String logo = published(cluster, Map.of(), TestFiles.png(5000), "damaged.png");

        ApiClient.Response response = get(member, logo, "/renditions/512");

        assertProblem(response, 422, "unreadable-image");
        assertThat(storedRenditions()).isZero();
    }

    @Test
    void refusesAnImageTooLargeToDecodeBeforeDecodingIt() {
        // 40,000 x 40,000 pixels would take 6.4 GB decoded
        String logo = published(cluster, Map.of(), RenditionImages.pngClaiming(40_000, 40_000), "bomb.png");

        ApiClient.Response response = get(member, logo, "/renditions/256");

        assertProblem(response, 422, "unreadable-image");
        assertThat(response.at("/detail")).contains("1600000000 pixels");
        assertThat(storedRenditions()).isZero();
    }

    private HttpResponse<byte[]> rendition(String token, String assetId, int size, Map<String, String> headers) {
        return http.download(token, assetPath(assetId) + "/renditions/" + size, headers);
    }

    private ApiClient.Response get(String token, String assetId, String path) {
        return api.as(token).get(assetPath(assetId) + path);
    }

    private double generations() {
        return meters.counter("assets.renditions.generated").count();
    }

    /** The renditions stored of this test's cluster's files. */
    private long storedRenditions() {
        List<String> sources = new ArrayList<>();
        mongo.getCollection("assets").find(new Document("clusterId", cluster))
                .forEach(asset -> asset.getList("versions", Document.class)
                        .forEach(version -> sources.add(version.get("file", Document.class).getString("fileId"))));
        return mongo.getCollection("renditions").countDocuments(new Document("sourceFileId",
                new Document("$in", sources)));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
