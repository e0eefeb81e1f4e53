package com.brandcluster.assets;

import com.brandcluster.assets.AssetHttp.Part;
import com.brandcluster.assets.storage.FileStore;
import com.brandcluster.assets.storage.TestFiles;
import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.ClusterCreated;
import com.brandcluster.platform.membership.ClusterTiersProjector;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.PlatformInfrastructure;
import com.brandcluster.testsupport.TestTokens;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The branding-assets-service context against MongoDB and RabbitMQ from test-support, with test tokens: the one
 * context configuration of every IT of this service (small upload limits come from the test {@code config/}
 * application.yml). Memberships are written straight into the standing projection and cluster tiers applied through
 * the tiers projector, as membership-service's events leave them (their consumption is proven by the projections'
 * contracts). Every test cluster has the fixture's tiers: {@code member} with asset access rank 1, {@code council}
 * with rank 2.
 */
@PlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AssetsIntegrationTest {

    protected static final String MEMBER_TIER = "member";
    protected static final String COUNCIL_TIER = "council";
    protected static final String ACTIVE = "ACTIVE";
    protected static final String GRACE = "GRACE";
    protected static final String SUSPENDED = "SUSPENDED";
    protected static final String LAPSED = "LAPSED";

    @LocalServerPort
    private int port;

    @Autowired
    protected MongoOperations mongo;

    @Autowired
    private ClusterTiersProjector tiersProjector;

    protected ApiClient api;
    protected AssetHttp http;
    /** What this service publishes from the start of the test on. */
    protected AssetEvents published;

    @BeforeEach
    void openClients() throws Exception {
        api = new ApiClient("http://127.0.0.1:" + port);
        http = new AssetHttp("http://127.0.0.1:" + port);
        published = new AssetEvents();
    }

    @AfterEach
    void closeClients() throws Exception {
        published.close();
    }

    /** A new cluster whose tiers are known here. */
    protected String cluster() {
        String clusterId = "lighting-" + UUID.randomUUID().toString().substring(0, 8);
        tiersProjector.on(EventFixtures.event(ClusterCreated.class,
                Map.of("eventId", UUID.randomUUID().toString(), "clusterId", clusterId)));
        return clusterId;
    }

    protected static String secretariatOf(String... clusterIds) {
        return TestTokens.user("secretariat-" + UUID.randomUUID()).roles(Roles.SECRETARIAT)
                .secretariatOf(clusterIds).issue();
    }

    protected static String userOf(String enterpriseId) {
        return TestTokens.user("user-of-" + enterpriseId).roles(Roles.ENTERPRISE).enterpriseId(enterpriseId).issue();
    }

    protected static String expert() {
        return TestTokens.user("expert-" + UUID.randomUUID()).roles(Roles.EXPERT).issue();
    }

    /** A new enterprise with this membership of the cluster, as membership-service's events would leave it. */
    protected String member(String clusterId, String status, String tier) {
        String enterpriseId = "ent-" + new ObjectId().toHexString();
        LocalDate today = LocalDate.now();
        mongo.save(new MemberStanding(new ObjectId().toHexString(), clusterId, enterpriseId,
                "Enterprise " + enterpriseId, "LIGHT-2026-0001", tier, status, today.minusMonths(1),
                today.plusMonths(11), 1, Instant.now()));
        return enterpriseId;
    }

    /** The standing projection records a later change of the enterprise's membership, as its events would. */
    protected void standingChanges(String clusterId, String enterpriseId, String status) {
        MemberStanding before = mongo.findOne(Query.query(Criteria.where("clusterId").is(clusterId)
                .and("enterpriseId").is(enterpriseId)), MemberStanding.class);
        mongo.save(new MemberStanding(before.membershipId(), clusterId, enterpriseId, before.enterpriseName(),
                before.memberNumber(), before.tier(), status, before.validFrom(), before.validUntil(),
                before.version() + 1, Instant.now()));
    }

    /** A token of a user of a new ACTIVE member of the cluster in this tier. */
    protected String memberUser(String clusterId, String tier) {
        return userOf(member(clusterId, ACTIVE, tier));
    }

    /** Metadata of a members' logo; overrides replace fields (a null value removes one). */
    protected static Map<String, Object> metadata(Map<String, ?> overrides) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("kind", "LOGO");
        metadata.put("title", "Cluster mark, full colour");
        metadata.put("description", "The China Lighting Brand Cluster mark for print and screen.");
        metadata.put("tags", List.of("logo", "colour"));
        metadata.put("accessLevel", "MEMBERS");
        metadata.put("usageNotes", "Keep a clear space of half the mark's height around it.");
        metadata.putAll(overrides);
        metadata.values().removeIf(Objects::isNull);
        return metadata;
    }

    protected static String assetsOf(String clusterId) {
        return "/api/assets/clusters/" + clusterId + "/assets";
    }

    protected static String assetPath(String assetId) {
        return "/api/assets/assets/" + assetId;
    }

    protected ApiClient.Response upload(String token, String clusterId, Map<String, ?> metadata, Part file) {
        return http.upload(token, assetsOf(clusterId), file, Part.json("metadata", metadata));
    }

    /** A new asset (a draft) with this metadata and file; its id. */
    protected String draft(String clusterId, Map<String, ?> overrides, byte[] content, String filename) {
        ApiClient.Response created = upload(secretariatOf(clusterId), clusterId, metadata(overrides),
                Part.file(filename, null, content));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id");
    }

    protected String draft(String clusterId, Map<String, ?> overrides) {
        return draft(clusterId, overrides, TestFiles.png(1000), "cluster-mark.png");
    }

    protected ApiClient.Response publish(String token, String assetId, int version) {
        return api.as(token).post(assetPath(assetId) + "/versions/" + version + "/publication", null);
    }

    /** A new asset with version 1 published; its id. */
    protected String published(String clusterId, Map<String, ?> overrides, byte[] content, String filename) {
        String assetId = draft(clusterId, overrides, content, filename);
        ApiClient.Response published = publish(secretariatOf(clusterId), assetId, 1);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return assetId;
    }

    protected String published(String clusterId, Map<String, ?> overrides) {
        return published(clusterId, overrides, TestFiles.png(1000), "cluster-mark.png");
    }

    protected ApiClient.Response addVersion(String token, String assetId, byte[] content, String filename) {
        return http.upload(token, assetPath(assetId) + "/versions", Part.file(filename, null, content),
                Part.field("notes", "Redrawn for small sizes"));
    }

    /** How many files and chunks GridFS holds, and how many assets there are. */
    protected record Stored(long files, long chunks, long assets) {
    }

    protected Stored stored() {
        return new Stored(mongo.getCollection(FileStore.BUCKET + ".files").countDocuments(new Document()),
                mongo.getCollection(FileStore.BUCKET + ".chunks").countDocuments(new Document()),
                mongo.getCollection("assets").countDocuments(new Document()));
    }

    /** The ids of a page's items, in order. */
    protected static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("content").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    protected static void assertProblem(ApiClient.Response response, int status, String typeSlug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/status")).isEqualTo(Integer.toString(status));
        assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.");
        if (typeSlug != null) {
            assertThat(response.at("/type")).isEqualTo("urn:brandcluster:problem:" + typeSlug);
        }
    }
}
