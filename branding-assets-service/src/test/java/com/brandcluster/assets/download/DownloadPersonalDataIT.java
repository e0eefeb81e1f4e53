package com.brandcluster.assets.download;

import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.assets.storage.TestFiles;
import com.brandcluster.contracts.membership.PersonErased;
import com.brandcluster.platform.membership.PersonErasures;
import com.brandcluster.platform.messaging.ProcessedEvents;
import com.brandcluster.testsupport.ApiClient;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The personal data export of branding-assets-service and the erasure that {@code membership.person.erased.v1}
 * brings: download records stay, under the person's pseudonym, so the download report keeps its numbers.
 */
class DownloadPersonalDataIT extends AssetsIntegrationTest {

    private static final String EXPORT = "/api/assets/me/personal-data";
    private static final String CONSUMER = "branding-assets-service.privacy";

    @Autowired
    ProcessedEvents processedEvents;

    private PersonErasures erasures;

    @BeforeEach
    void erasures() throws Exception {
        erasures = new PersonErasures(processedEvents, CONSUMER);
    }

    @AfterEach
    void closeErasures() throws Exception {
        erasures.close();
    }

    private String cluster;
    private String logo;
    private String enterprise;
    private String other;

    @BeforeEach
    void downloads() {
        cluster = cluster();
        logo = published(cluster, Map.of("title", "Cluster mark"), TestFiles.png(20_000), "mark.png");
        enterprise = member(cluster, ACTIVE, MEMBER_TIER);
        other = member(cluster, ACTIVE, MEMBER_TIER);
        download(userOf(enterprise));
        download(userOf(enterprise));
        download(userOf(other));
    }

    private void download(String token) {
        assertThat(http.download(token, assetPath(logo) + "/content", Map.of()).statusCode()).isEqualTo(200);
    }

    private List<Document> records() {
        return mongo.getCollection("downloads").find(new Document("assetId", logo)).into(new ArrayList<>());
    }

    private String report(String by) {
        ApiClient.Response report = api.as(secretariatOf(cluster))
                .get("/api/assets/clusters/" + cluster + "/downloads?by=" + by);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.json().get("content").toString();
    }




    @Test
    void exportGivesTheCallersDownloadsAndNothingOfAnotherPerson() throws Exception {
        ApiClient.Response export = api.as(userOf(enterprise)).get(EXPORT);

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        JsonNode records = export.json().get("records");
        assertThat(records.size()).isEqualTo(2);
        assertThat(records.findValuesAsString("collection")).containsOnly("downloads");
        assertThat(records.toString()).contains("user-of-" + enterprise).doesNotContain("user-of-" + other);
        assertProblem(api.anonymous().get(EXPORT), 401, null);
    }

    @Test
    void erasureKeepsTheDownloadRecordsUnderThePseudonymOnceAndTheReportKeepsItsNumbers() throws Exception {
        String perAsset = report("ASSET");
        String perMember = report("MEMBER");

        PersonErased first = erasures.erase("user-of-" + enterprise);
        erasures.awaitApplied(first);

        assertThat(records()).hasSize(3);
        assertThat(records()).extracting(r -> r.getString("subject"))
                .containsExactlyInAnyOrder(first.pseudonym(), first.pseudonym(), "user-of-" + other);
        assertThat(report("ASSET")).isEqualTo(perAsset);
        assertThat(report("MEMBER")).isEqualTo(perMember);
        assertThat(api.as(userOf(enterprise)).get(EXPORT).json().get("records").isEmpty()).isTrue();

        // a duplicate delivery is not applied again: a download since stays the person's
        download(userOf(enterprise));
        erasures.publish(first);
        erasures.awaitApplied(erasures.erase("user-of-" + other));
        assertThat(records()).extracting(r -> r.getString("subject")).containsOnlyOnce("user-of-" + enterprise);
    }
}
