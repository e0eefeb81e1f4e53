package com.brandcluster.events.board;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A post's life through the API: posting, reading, editing and renewing, withdrawing, removing; and bad input. */
class PostApiIT extends BoardIntegrationTest {

    @Test
    void aMemberPostsANeedThatOtherMembersAndTheSecretariatRead() {
        String cluster = newCluster();
        String author = activeMember(cluster);
        Map<String, Object> body = post("NEED", "SUPPLY", " LED drivers wanted ", "路灯驱动电源，年需求约五万套。", "cn-gd",
                "LED", "led", " Street   lighting ");

        ApiClient.Response created = api.as(userOf(author)).post(postsOf(cluster), body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.at("/id");
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(postPath(id)));
        assertThat(created.at("/clusterId")).isEqualTo(cluster);
        assertThat(created.at("/enterpriseId")).isEqualTo(author);
        assertThat(created.at("/enterpriseName")).startsWith("Enterprise ");
        assertThat(created.at("/kind")).isEqualTo("NEED");
        assertThat(created.at("/title")).isEqualTo("LED drivers wanted");
        assertThat(created.at("/region")).isEqualTo("CN-GD");
        assertThat(created.json().get("tags").toString()).isEqualTo("[\"LED\",\"Street lighting\"]");
        assertThat(created.at("/status")).isEqualTo("OPEN");
        assertThat(Instant.parse(created.at("/validUntil")))
                .isEqualTo(Instant.parse((String) body.get("validUntil")).truncatedTo(ChronoUnit.MILLIS));

        ApiClient.Response byMember = api.as(userOf(activeMember(cluster))).get(postPath(id));
        assertThat(byMember.status()).as(byMember.toString()).isEqualTo(200);
        assertThat(byMember.at("/description")).isEqualTo("路灯驱动电源，年需求约五万套。");
        assertThat(api.as(secretariatOf(cluster)).get(postPath(id)).status()).isEqualTo(200);
    }

    @Test
    void aMemberInGraceStillPosts() {
        String cluster = newCluster();
        String inGrace = enterpriseWithStatus(cluster, "GRACE");

        assertThat(api.as(userOf(inGrace)).post(postsOf(cluster), anyPost()).status()).isEqualTo(201);
    }

    @Test
    void validUntilMayBeGivenWithAnOffset() {
        String cluster = newCluster();
        Map<String, Object> body = anyPost();
        LocalDate day = LocalDate.now().plusDays(10);
        body.put("validUntil", day + "T00:00:00+08:00");

        ApiClient.Response created = api.as(userOf(activeMember(cluster))).post(postsOf(cluster), body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/validUntil")).isEqualTo(day.minusDays(1) + "T16:00:00Z");
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        String cluster = newCluster();
        String token = userOf(activeMember(cluster));
        String path = postsOf(cluster);

        assertProblem(api.as(token).post(path, with("kind", "REQUEST")), 400, "validation");
        assertProblem(api.as(token).post(path, with("category", "ASTROLOGY")), 400, "validation");
        assertProblem(api.as(token).post(path, with("category", null)), 400, "validation");
        assertProblem(api.as(token).post(path, with("title", "   ")), 400, "validation");
        assertProblem(api.as(token).post(path, with("title", "x".repeat(151))), 400, "validation");
        assertProblem(api.as(token).post(path, with("description", "述".repeat(2001))), 400, "validation");
        assertProblem(api.as(token).post(path, with("region", "Guangdong")), 400, "validation");
        assertProblem(api.as(token).post(path, with("region", "XX")), 400, "validation");
        assertProblem(api.as(token).post(path, with("validUntil", "next month")), 400, "validation");
        assertProblem(api.as(token).post(path, with("tags", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                "k"))), 400, "validation");
        assertProblem(api.as(token).post(path, with("tags", List.of("t".repeat(41)))), 400, "validation");
        assertProblem(api.as(token).post(path, with("tags", Arrays.asList("ok", null))), 400, "validation");
        assertProblem(api.as(token).post(path, with("status", "REMOVED")), 400, "unknown-property");
        assertProblem(api.as(token).post(path, "{ not json"), 400, "malformed-body");
        assertProblem(api.as(token).post(path, with("validUntil", Instant.now().minusSeconds(60).toString())), 422,
                "invalid-post");
        ApiClient.Response tooFar = api.as(token).post(path,
                with("validUntil", Instant.now().plus(Duration.ofDays(366)).toString()));
        assertProblem(tooFar, 422, "invalid-post");
        assertThat(tooFar.at("/detail")).contains("365 days");
        ApiClient.Response named = api.as(token).post(path, with("region", "Guangdong"));
        assertThat(named.at("/errors/0/field")).isEqualTo("region");

        assertThat(storedPosts(cluster)).isZero();
    }

    @Test
    void theEnterpriseEditsItsPostWithAMergePatch() {
        String cluster = newCluster();
        String author = activeMember(cluster);
        String id = publish(cluster, author, anyPost());

        ApiClient.Response patched = patch(userOf(author), id,
                "{\"title\":\"LED drivers, 50k a year\",\"tags\":[\"IP67\"],\"region\":\"CN\"}");

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.at("/title")).isEqualTo("LED drivers, 50k a year");
        assertThat(patched.at("/tags/0")).isEqualTo("IP67");
        assertThat(patched.at("/region")).isEqualTo("CN");
        assertThat(patched.at("/category")).isEqualTo("SUPPLY");
        assertThat(patched.at("/version")).isEqualTo("1");
        Post stored = mongo.findById(id, Post.class);
        assertThat(stored.keywords()).contains("50k", "year");
        assertThat(stored.tagKeys()).containsExactly("ip67");
        assertThat(stored.regionCountry()).isEqualTo("CN");
    }

    @Test
    void aBadPatchIsAProblemAndChangesNothing() {
        String cluster = newCluster();
        String author = activeMember(cluster);
        String id = publish(cluster, author, anyPost());
        String token = userOf(author);

        assertProblem(patch(token, id, "{\"kind\":\"OFFER\"}"), 400, "immutable-property");
        assertProblem(patch(token, id, "{\"enterpriseId\":\"ent-other\"}"), 400, "immutable-property");
        assertProblem(patch(token, id, "{\"colour\":\"red\"}"), 400, "unknown-property");
        assertProblem(patch(token, id, "{\"title\":null}"), 400, "validation");
        assertProblem(patch(token, id, "{\"region\":\"Mars\"}"), 400, "validation");
        assertProblem(patch(token, id, "{\"validUntil\":\"soon\"}"), 400, "validation");
        assertProblem(patch(token, id, "[1,2]"), 400, "malformed-body");
        assertProblem(patch(token, id, "{\"validUntil\":\"" + Instant.now().minusSeconds(5) + "\"}"), 422,
                "invalid-post");

        ApiClient.Response unchanged = api.as(token).get(postPath(id));
        assertThat(unchanged.at("/title")).isEqualTo("LED drivers wanted");
        assertThat(unchanged.at("/version")).isEqualTo("0");
        assertThat(unchanged.at("/status")).isEqualTo("OPEN");
    }

    @Test
    void anExpiredPostIsRenewedByItsEnterpriseWithANewValidUntil() {
        String cluster = newCluster();
        String author = activeMember(cluster);
        String id = publish(cluster, author, anyPost());
        expire(id);
        assertThat(api.as(userOf(author)).get(postPath(id)).at("/status")).isEqualTo("EXPIRED");

        assertProblem(patch(userOf(author), id, "{\"title\":\"Still wanted\"}"), 422, "invalid-post");
        ApiClient.Response renewed = patch(userOf(author), id,
                "{\"validUntil\":\"" + Instant.now().plus(Duration.ofDays(60)) + "\"}");

        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        assertThat(renewed.at("/status")).isEqualTo("OPEN");
        assertThat(api.as(userOf(activeMember(cluster))).get(postsOf(cluster)).at("/content/0/id")).isEqualTo(id);
    }

    @Test
    void aPostExpiresOnItsOwnWhenItsValidityEnds() {
        String cluster = newCluster();
        String author = activeMember(cluster);
        Map<String, Object> body = anyPost();
        body.put("validUntil", Instant.now().plusSeconds(5).toString());
        String id = publish(cluster, author, body);
        String reader = userOf(activeMember(cluster));
        assertThat(api.as(reader).get(postsOf(cluster)).at("/totalElements")).isEqualTo("1");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.as(reader).get(postPath(id)).at("/status")).isEqualTo("EXPIRED"));
        assertThat(api.as(reader).get(postsOf(cluster)).at("/totalElements")).isEqualTo("0");
    }

    @Test
    void theEnterpriseWithdrawsItsPostWhichLeavesTheBoardForOtherMembers() {
        String cluster = newCluster();
        String author = activeMember(cluster);
        String id = publish(cluster, author, anyPost());

        ApiClient.Response withdrawn = api.as(userOf(author)).post(postPath(id) + "/withdrawal", null);

        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.at("/status")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.at("/closedAt")).isNotNull();
        assertProblem(api.as(userOf(activeMember(cluster))).get(postPath(id)), 404, "not-found");
        assertThat(api.as(userOf(author)).get(postPath(id)).at("/status")).isEqualTo("WITHDRAWN");
        assertThat(api.as(secretariatOf(cluster)).get(postPath(id)).at("/status")).isEqualTo("WITHDRAWN");
        ApiClient.Response again = api.as(userOf(author)).post(postPath(id) + "/withdrawal", null);
        assertProblem(again, 409, "post-closed");
        assertThat(again.at("/currentState")).isEqualTo("WITHDRAWN");
        assertProblem(patch(userOf(author), id, "{\"title\":\"Back again\"}"), 409, "post-closed");
    }

    @Test
    void aSuspendedMemberMayStillWithdrawItsPostButNotEditIt() {
        String cluster = newCluster();
        String author = activeMember(cluster);
        String id = publish(cluster, author, anyPost());
        setStanding(cluster, author, "SUSPENDED");

        assertProblem(patch(userOf(author), id, "{\"title\":\"Edited\"}"), 403, "not-a-member");
        assertThat(api.as(userOf(author)).post(postPath(id) + "/withdrawal", null).status()).isEqualTo(200);
    }

    @Test
    void theSecretariatRemovesAnAbusivePostWithAReasonItsEnterpriseReads() {
        String cluster = newCluster();
        String author = activeMember(cluster);
        String id = publish(cluster, author, anyPost());

        ApiClient.Response removed = api.as(secretariatOf(cluster)).post(postPath(id) + "/removal",
                Map.of("reason", "Advertises goods unrelated to the cluster."));

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.at("/status")).isEqualTo("REMOVED");
        ApiClient.Response seenByAuthor = api.as(userOf(author)).get(postPath(id));
        assertThat(seenByAuthor.at("/status")).isEqualTo("REMOVED");
        assertThat(seenByAuthor.at("/removalReason")).isEqualTo("Advertises goods unrelated to the cluster.");
        assertProblem(api.as(userOf(activeMember(cluster))).get(postPath(id)), 404, "not-found");
        assertProblem(api.as(userOf(author)).post(postPath(id) + "/withdrawal", null), 409, "post-closed");
        assertProblem(api.as(secretariatOf(cluster)).post(postPath(id) + "/removal", Map.of("reason", "Again")), 409,
                "post-closed");
    }

    @Test
    void aRemovalNeedsAReason() {
        String cluster = newCluster();
        String id = publish(cluster, activeMember(cluster), anyPost());

        assertProblem(api.as(secretariatOf(cluster)).post(postPath(id) + "/removal", Map.of("reason", " ")), 400,
                "validation");
        assertProblem(api.as(secretariatOf(cluster)).post(postPath(id) + "/removal", Map.of()), 400, "validation");
        assertProblem(api.as(secretariatOf(cluster)).post(postPath(id) + "/removal",
                Map.of("reason", "r".repeat(501))), 400, "validation");

        assertThat(mongo.findById(id, Post.class).status(Instant.now())).isEqualTo(PostStatus.OPEN);
    }

    @Test
    void anUnknownPostIsNotFoundForEveryAction() {
        String cluster = newCluster();
        String member = userOf(activeMember(cluster));

        assertProblem(api.as(member).get(postPath("no-such-post")), 404, "not-found");
        assertProblem(patch(member, "no-such-post", "{\"title\":\"x\"}"), 404, "not-found");
        assertProblem(api.as(member).post(postPath("no-such-post") + "/withdrawal", null), 404, "not-found");
        assertProblem(api.as(secretariatOf(cluster)).post(postPath("no-such-post") + "/removal",
                Map.of("reason", "Spam")), 404, "not-found");
        assertProblem(api.as(member).get(postPath("no-such-post") + "/matches"), 404, "not-found");
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = anyPost();
        body.put(field, value);
        return body;
    }
}
