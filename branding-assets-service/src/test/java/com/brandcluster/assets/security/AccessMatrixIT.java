package com.brandcluster.assets.security;

import com.brandcluster.assets.AssetHttp;
import com.brandcluster.assets.AssetHttp.Part;
import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.assets.rendition.RenditionImages;
import com.brandcluster.testsupport.AccessMatrix;
import com.brandcluster.testsupport.AccessMatrix.Caller;
import com.brandcluster.testsupport.AccessMatrix.Identity;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.FuzzRun;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of {@code openapi/branding-assets-service.json} as each of the eight callers of
 * {@link AccessMatrix}, against two clusters with a member enterprise and a secretariat each: managing a cluster's
 * assets, share links and download records is for its secretariat only; members' assets, the member badge and the
 * standing are for the cluster's members in good standing (and the enterprise itself); browsing, the brand kit,
 * licence checks and shared links are open to anyone, who gets no more than what they are entitled to.
 */
class AccessMatrixIT extends AssetsIntegrationTest {

    private static final String BOUNDARY = "----access-matrix";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;
    /** A small real PNG, so that renditions can be made of it. */
    private static final byte[] MARK = RenditionImages.png(64, 32);

    @LocalServerPort
    private int port;

    private Identity secretariat;

    @Test
    void noCallerReachesAnotherClustersAssetsOrAnotherEnterprisesBadge() {
        String tenant = UUID.randomUUID().toString().substring(0, 8);
        String clusterA = cluster();
        String enterpriseA = member(clusterA, ACTIVE, COUNCIL_TIER);
        secretariat = Identity.secretariat("secretariat-a-" + tenant, clusterA);
        Identity member = Identity.enterpriseUser("user-a-" + tenant, enterpriseA);
        String clusterB = cluster();
        Identity otherEnterprise = Identity.enterpriseUser("user-b-" + tenant, member(clusterB, ACTIVE, COUNCIL_TIER));
        Identity otherSecretariat = Identity.secretariat("secretariat-b-" + tenant, clusterB);
        Identity expert = Identity.expert("expert-b-" + tenant);

        String membersDescription = "Members' mark of A for print " + tenant;
        String linkNote = "For the printer of A " + tenant;
        String secretariatTitle = "Secretariat's launch plan of A " + tenant;
        String membersAsset = publishedAsset(clusterA, Map.of("accessLevel", "MEMBERS",
                "description", membersDescription, "usageNotes", "Members only " + tenant));
        publishedAsset(clusterA, Map.of("accessLevel", "PUBLIC", "title", "Public mark of A"));
        publishedAsset(clusterA, Map.of("accessLevel", "SECRETARIAT", "title", secretariatTitle));
        draftAsset(clusterA, Map.of("accessLevel", "PUBLIC", "title", "Unreleased mark of A " + tenant));
        publishedAsset(clusterB, Map.of("accessLevel", "MEMBERS"), otherSecretariat);
        shareLink(membersAsset, linkNote);
        assertThat(api.as(member.token()).get("/api/assets/clusters/" + clusterA + "/badge").status()).isEqualTo(200);
        String licence = mongo.getCollection("licences").find(new Document("enterpriseId", enterpriseA)).first()
                .getString("_id");

        AccessMatrix matrix = AccessMatrix.local("branding-assets-service", port, FuzzRun.OUTBOX_COLLECTIONS)
                .otherTenant(otherEnterprise, otherSecretariat, expert)
                .privateValues(membersDescription, linkNote, secretariatTitle, "Unreleased mark of A " + tenant)
                .tenantValues(clusterA, enterpriseA, secretariat.subject(), member.subject());
        String entitled = "anyone may ask: the answer holds only what the caller is entitled to (the published public "
                + "assets for everybody but the cluster's members and secretariat)";
        String recorded = "every download of the kit is recorded, an outside party's of the public assets too";

        matrix.operation("GET /api/assets/assets/{assetId}").by(member).path("assetId", membersAsset);
        matrix.operation("PATCH /api/assets/assets/{assetId}").by(secretariat).path("assetId", membersAsset)
                .json("{\"tags\": [\"logo\", \"print\"]}");
        matrix.operation("GET /api/assets/assets/{assetId}/content").by(member).path("assetId", membersAsset);
        matrix.operation("GET /api/assets/assets/{assetId}/renditions/{size}").by(member)
                .path("assetId", membersAsset).path("size", "256");
        matrix.operation("GET /api/assets/assets/{assetId}/share-links").by(secretariat)
                .path("assetId", membersAsset);
        matrix.operation("POST /api/assets/assets/{assetId}/share-links").by(secretariat)
                .path("assetId", membersAsset)
                .given(values -> values.put("expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString()))
                .json("{\"expiresAt\": \"${expiresAt}\", \"note\": \"For the trade fair of A\"}");
        matrix.operation("POST /api/assets/assets/{assetId}/versions").by(secretariat).path("assetId", membersAsset)
                .body(MULTIPART, values -> AssetHttp.multipart(BOUNDARY, Part.file("mark-v2.png", null, MARK),
                        Part.field("notes", "Redrawn for small sizes")));
        matrix.operation("POST /api/assets/assets/{assetId}/versions/{version}/publication").by(secretariat)
                .given(values -> values.put("assetId", draftAsset(clusterA, Map.of())))
                .path("version", "1");
        matrix.operation("POST /api/assets/assets/{assetId}/versions/{version}/retirement").by(secretariat)
                .given(values -> values.put("assetId", publishedAsset(clusterA, Map.of())))
                .path("version", "1");
        matrix.operation("GET /api/assets/clusters/{clusterId}/assets").by(member).path("clusterId", clusterA)
                .publicRead(entitled);
        matrix.operation("POST /api/assets/clusters/{clusterId}/assets").by(secretariat).path("clusterId", clusterA)
                .body(MULTIPART, values -> AssetHttp.multipart(BOUNDARY, Part.file("mark.png", null, MARK),
                        Part.json("metadata", metadata(Map.of()))));
        matrix.operation("GET /api/assets/clusters/{clusterId}/badge").by(member).path("clusterId", clusterA);
        matrix.operation("GET /api/assets/clusters/{clusterId}/downloads").by(secretariat).path("clusterId", clusterA);
        matrix.operation("GET /api/assets/clusters/{clusterId}/kit.zip").by(member).path("clusterId", clusterA)
                .publicRead(entitled).updates(recorded, "downloads");
        matrix.operation("GET /api/assets/clusters/{clusterId}/members/{enterpriseId}/standing").by(member)
                .path("clusterId", clusterA).path("enterpriseId", enterpriseA);
        matrix.operation("GET /api/assets/licences/{licenceId}").by(member).path("licenceId", licence)
                .publicRead("a licence check is public: the buyer's check of a product's cluster mark");
        matrix.operation("GET /api/assets/me/personal-data").by(secretariat)
                .self("every signed-in person has their own personal data here");
        matrix.operation("DELETE /api/assets/share-links/{linkId}").by(secretariat)
                .given(values -> values.put("linkId", shareLink(membersAsset, "For the sign maker").at("/id")));
        matrix.operation("GET /api/assets/shared/{token}").by(Identity.signedIn("printer-of-a-" + tenant))
                .given(values -> values.put("token", token(shareLink(membersAsset, "For the printer"))))
                .publicRead("the token is the permission: anyone holding the link downloads, signed in or not")
                .updates("a shared link counts every download", "shareLinks");

        AccessMatrix.Report report = matrix.assertHolds();

        assertThat(report.cases()).isEqualTo(19 * Caller.values().length);
        assertThat(report.leaks()).isZero();
        assertThat(report.changedDocuments()).isZero();
    }

    private String draftAsset(String clusterId, Map<String, ?> overrides) {
        return draftAsset(clusterId, overrides, secretariat);
    }

    private String draftAsset(String clusterId, Map<String, ?> overrides, Identity by) {
        ApiClient.Response created = upload(by.token(), clusterId, metadata(overrides),
                Part.file("mark.png", null, MARK));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id");
    }

    private String publishedAsset(String clusterId, Map<String, ?> overrides) {
        return publishedAsset(clusterId, overrides, secretariat);
    }

    /** A new asset of the cluster, uploaded by its secretariat, with version 1 published. */
    private String publishedAsset(String clusterId, Map<String, ?> overrides, Identity by) {
        String assetId = draftAsset(clusterId, overrides, by);
        ApiClient.Response published = publish(by.token(), assetId, 1);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return assetId;
    }

    private ApiClient.Response shareLink(String assetId, String note) {
        ApiClient.Response created = api.as(secretariat.token()).post(assetPath(assetId) + "/share-links",
                Map.of("expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString(), "note", note));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private static String token(ApiClient.Response link) {
        String url = link.at("/url");
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
