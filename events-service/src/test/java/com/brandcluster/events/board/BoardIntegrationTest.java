package com.brandcluster.events.board;

import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.PlatformInfrastructure;
import com.brandcluster.testsupport.TestTokens;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events-service context on the test infrastructure (MongoDB, RabbitMQ, signed test tokens), configured exactly
 * as every other IT of the service so that all share one cached context. Each test works in a cluster of its own.
 * Members are written into the standing projection as membership-service's events would leave them.
 */
@PlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BoardIntegrationTest {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Autowired
    MongoOperations mongo;

    ApiClient api;

    @BeforeEach
    void connectClient(@LocalServerPort int port) {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    static String newCluster() {
        return "board-" + new ObjectId().toHexString();
    }

    /** A new enterprise with this membership status in the cluster. */
    String enterpriseWithStatus(String clusterId, String status) {
        String enterpriseId = "ent-" + new ObjectId().toHexString();
        setStanding(clusterId, enterpriseId, status);
        return enterpriseId;
    }

    String activeMember(String clusterId) {
        return enterpriseWithStatus(clusterId, MemberStanding.ACTIVE);
    }

    /** The enterprise's membership of the cluster now has this status (its only membership there). */
    void setStanding(String clusterId, String enterpriseId, String status) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        mongo.remove(Query.query(Criteria.where("clusterId").is(clusterId).and("enterpriseId").is(enterpriseId)),
                MemberStanding.COLLECTION);
        mongo.insert(new MemberStanding("m-" + new ObjectId().toHexString(), clusterId, enterpriseId,
                "Enterprise " + enterpriseId.substring(enterpriseId.length() - 4), "LIGHT-2026-0042", "council",
                status, today.minusMonths(2), today.plusMonths(10), 1, Instant.now()));
    }

    static String userOf(String enterpriseId) {
        return TestTokens.user("staff-of-" + enterpriseId).roles(Roles.ENTERPRISE).enterpriseId(enterpriseId)
                .issue();
    }

    static String secretariatOf(String clusterId) {
        return TestTokens.user("secretary-" + clusterId).roles(Roles.SECRETARIAT).secretariatOf(clusterId).issue();
    }

    static String expert() {
        return TestTokens.user("expert-" + new ObjectId().toHexString()).roles(Roles.EXPERT).issue();
    }

    /** A valid post body, thirty days valid. */
    static Map<String, Object> post(String kind, String category, String title, String description, String region,
                                    String... tags) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("category", category);
        body.put("title", title);
        body.put("description", description);
        body.put("region", region);
        body.put("validUntil", Instant.now().plus(Duration.ofDays(30)).toString());
        body.put("tags", Arrays.asList(tags));
        return body;
    }

    static Map<String, Object> anyPost() {
        return post("NEED", "SUPPLY", "LED drivers wanted", "Constant-current drivers for street lamps.", "CN-GD",
                "LED");
    }

    /** Posts as a user of the enterprise and answers the new post's id. */
    String publish(String clusterId, String enterpriseId, Map<String, Object> body) {
        ApiClient.Response created = api.as(userOf(enterpriseId)).post(postsOf(clusterId), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id");
    }

    static String postsOf(String clusterId) {
        return "/api/events/clusters/" + clusterId + "/posts";
    }

    static String postPath(String postId) {
        return "/api/events/posts/" + postId;
    }

    ApiClient.Response patch(String token, String postId, String json) {
        return api.as(token).send("PATCH", postPath(postId), json, MERGE_PATCH);
    }

    /** Lets the post's validity end a minute ago, as time would. */
    void expire(String postId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(postId)),
                new Update().set("content.validUntil", Instant.now().minus(Duration.ofMinutes(1))), Post.class);
    }

    long storedPosts(String clusterId) {
        return mongo.count(Query.query(Criteria.where("clusterId").is(clusterId)), Post.class);
    }

    static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/traceId")).isNotBlank();
        if (type != null) {
            assertThat(response.at("/type")).isEqualTo("urn:brandcluster:problem:" + type);
        }
    }
}
