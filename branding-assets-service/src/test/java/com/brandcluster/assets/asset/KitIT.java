package com.brandcluster.assets.asset;

import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.assets.storage.TestFiles;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brand kit zip read back as a zip reader reads it: STORED entries with their CRC-32s, the manifest, names unique
 * inside the zip, the exact {@code Content-Length}; what each caller's entitlement puts in it, selections, the 4 GB
 * limit and files stored before their CRC-32 was recorded.
 */
class KitIT extends AssetsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String cluster;
    private byte[] publicLogo;
    private byte[] membersLogo;
    private byte[] councilGuide;
    private String publicId;
    private String membersId;
    private String councilId;
    private String secretariatId;
    private String draftId;

    @BeforeEach
    void kit() {
        cluster = cluster();
        publicLogo = TestFiles.png(300_000);
        membersLogo = TestFiles.png(1_000);
        councilGuide = TestFiles.pdf();
        publicId = published(cluster, Map.of("accessLevel", "PUBLIC", "title", "Mark for press"), publicLogo,
                "cluster-mark.png");
        // the same file name but for case, as Windows and macOS see it: the kit must tell them apart
        membersId = published(cluster, Map.of("title", "Mark for members"), membersLogo, "Cluster-Mark.png");
        councilId = published(cluster, Map.of("kind", "GUIDELINE", "title", "Council guide", "accessLevel", "TIER",
                "minimumTierRank", 2), councilGuide, "guide.pdf");
        secretariatId = published(cluster, Map.of("title", "Internal", "accessLevel", "SECRETARIAT"),
                TestFiles.png(10), "internal.png");
        draftId = draft(cluster, Map.of("accessLevel", "PUBLIC", "title", "Not yet"));
    }

    @Test
    void aMemberGetsAZipOfStoredEntriesWithTheManifestAndTheExactLength() throws Exception {
        HttpResponse<byte[]> response = kit(memberUser(cluster, MEMBER_TIER), "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("application/zip");
        assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(response.body().length));
        assertThat(header(response, "Content-Disposition")).isEqualTo("attachment; filename=\"" + cluster
                + "-brand-kit.zip\"");
        assertThat(header(response, "ETag")).isEqualTo("\"" + sha256(read(response).get("manifest.json")) + "\"");

        Map<String, byte[]> entries = read(response);
        assertThat(entries.keySet()).containsExactly("manifest.json", "Cluster-Mark.png", "cluster-mark (2).png");
        assertThat(entries.get("cluster-mark (2).png")).isEqualTo(publicLogo);
        assertThat(entries.get("Cluster-Mark.png")).isEqualTo(membersLogo);

        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("clusterId").asString()).isEqualTo(cluster);
        assertThat(manifest.get("assets")).hasSize(2);
        assertThat(manifest.get("assets").get(0).get("assetId").asString()).isEqualTo(membersId);
        JsonNode first = manifest.get("assets").get(1);
        assertThat(first.get("assetId").asString()).isEqualTo(publicId);
        assertThat(first.get("title").asString()).isEqualTo("Mark for press");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("filename").asString()).isEqualTo("cluster-mark (2).png");
        assertThat(first.get("size").asLong()).isEqualTo(publicLogo.length);
        assertThat(first.get("sha256").asString()).isEqualTo(sha256(publicLogo));
    }

    @Test
    void theKitHoldsWhatTheCallersEntitlementReaches() throws Exception {
        assertThat(read(kit(memberUser(cluster, COUNCIL_TIER), "")).keySet())
                .containsExactly("manifest.json", "guide.pdf", "Cluster-Mark.png", "cluster-mark (2).png");
        assertThat(read(kit(secretariatOf(cluster), "")).keySet()).containsExactly("manifest.json", "guide.pdf",
                "internal.png", "Cluster-Mark.png", "cluster-mark (2).png");
        assertThat(read(kit(null, "")).keySet()).containsExactly("manifest.json", "cluster-mark.png");
        // a suspended or lapsed member, or another cluster's member, is treated as the public: the public assets only
        assertThat(read(kit(userOf(member(cluster, SUSPENDED, COUNCIL_TIER)), "")).keySet())
                .containsExactly("manifest.json", "cluster-mark.png");
        assertThat(read(kit(memberUser(cluster(), COUNCIL_TIER), "")).keySet())
                .containsExactly("manifest.json", "cluster-mark.png");
        assertThat(read(kit(expert(), "")).keySet()).containsExactly("manifest.json", "cluster-mark.png");
    }

    @Test
    void aSelectionHoldsThoseAssetsEachOfWhichTheCallerMustBeEntitledTo() throws Exception {
        String member = memberUser(cluster, MEMBER_TIER);
        assertThat(read(kit(member, "?assets=" + membersId)).keySet())
                .containsExactly("manifest.json", "Cluster-Mark.png");

        assertProblem(api.as(member).get(kitPath("?assets=" + membersId + "," + councilId)), 403,
                "tier-insufficient");
        assertProblem(api.as(member).get(kitPath("?assets=" + secretariatId)), 403, null);
        assertProblem(api.anonymous().get(kitPath("?assets=" + membersId)), 401, null);
        assertProblem(api.as(userOf(member(cluster, SUSPENDED, MEMBER_TIER))).get(kitPath("?assets=" + membersId)),
                403, "membership-suspended");
        String elsewhere = published(cluster(), Map.of("accessLevel", "PUBLIC"));
        assertProblem(api.as(member).get(kitPath("?assets=" + elsewhere)), 404, null);
        assertProblem(api.as(member).get(kitPath("?assets=" + new ObjectId().toHexString())), 404,
                null);
        assertProblem(api.as(member).get(kitPath("?assets=" + draftId)), 404, null);
        String tooMany = String.join(",", Collections.nCopies(201, membersId));
        assertProblem(api.as(member).get(kitPath("?assets=" + tooMany)), 400, null);
    }

    @Test
    void aMatchingEtagIsNotModified() {
        String member = memberUser(cluster, MEMBER_TIER);
        String etag = header(kit(member, ""), "ETag");

        HttpResponse<byte[]> again = http.download(member, kitPath(""), Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        // the anonymous kit is another kit
        assertThat(http.download(null, kitPath(""), Map.of("If-None-Match", etag)).statusCode()).isEqualTo(200);
    }

    @Test
    void aKitBeyond4GbIsRefused() {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(publicId)),
                new Update().set("versions.0.file.size", 5_000_000_000L), "assets");

        assertProblem(api.anonymous().get(kitPath("")), 422, "kit-too-large");
    }

    @Test
    void aFileStoredBeforeItsCrc32WasRecordedIsReadOnceAndGetsIt() throws Exception {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(publicId)),
                new Update().unset("versions.0.file.crc32"), "assets");

        HttpResponse<byte[]> response = kit(null, "");

        assertThat(read(response).get("cluster-mark.png")).isEqualTo(publicLogo);
        Document stored = mongo.getCollection("assets").find(new Document("_id", new ObjectId(publicId)))
                .first();
        Document file = stored.getList("versions", Document.class).getFirst().get("file", Document.class);
        assertThat(((Number) file.get("crc32")).longValue()).isEqualTo(crc(publicLogo));
    }

    private String kitPath(String query) {
        return "/api/assets/clusters/" + cluster + "/kit.zip" + query;
    }

    private HttpResponse<byte[]> kit(String token, String query) {
        HttpResponse<byte[]> response = http.download(token, kitPath(query), Map.of());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response;
    }

    /** The entries in order, each checked to be STORED with the right CRC-32 and size. */
    static Map<String, byte[]> read(HttpResponse<byte[]> response) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()),
                StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] bytes = zip.readAllBytes();
                assertThat(entry.getMethod()).as(entry.getName()).isEqualTo(ZipEntry.STORED);
                assertThat(entry.getSize()).as(entry.getName()).isEqualTo(bytes.length);
                assertThat(entry.getCrc()).as(entry.getName()).isEqualTo(crc(bytes));
                entries.put(entry.getName(), bytes);
            }
        }
        return entries;
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
