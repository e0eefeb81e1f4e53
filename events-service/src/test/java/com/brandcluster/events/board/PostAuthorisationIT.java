package com.brandcluster.events.board;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every board endpoint, per object: the board is members-only. Allowed are members in good standing of the post's
 * cluster (the enterprise itself for its own post's changes) and that cluster's secretariat (for reading and
 * removing); refused with 403 are members of another cluster, non-member enterprises, suspended members, experts and
 * other clusters' secretariats; anonymous callers get 401.
 */
class PostAuthorisationIT extends BoardIntegrationTest {

    private String cluster;
    private String author;
    private String postId;
    private String otherClusterMember;

    @BeforeEach
    void board() {
        cluster = newCluster();
        author = activeMember(cluster);
        postId = publish(cluster, author, anyPost());
        String otherCluster = newCluster();
        otherClusterMember = activeMember(otherCluster);
        publish(otherCluster, otherClusterMember, post("OFFER", "SUPPLY", "LED drivers", "Drivers.", "CN-GD"));
    }

    @Test
    void postingIsForMembersInGoodStandingOfTheClusterOnly() {
        Function<ApiClient, ApiClient.Response> create = client -> client.post(postsOf(cluster), anyPost());

        assertThat(create.apply(api.as(userOf(activeMember(cluster)))).status()).isEqualTo(201);
        assertProblem(create.apply(api.as(secretariatOf(cluster))), 403, "forbidden");
        assertRefusedToOutsiders(create, "not-a-member");
        assertThat(storedPosts(cluster)).isEqualTo(2);
    }

    @Test
    void listingIsForMembersAndTheSecretariatOfTheCluster() {
        Function<ApiClient, ApiClient.Response> list = client -> client.get(postsOf(cluster));

        assertThat(list.apply(api.as(userOf(activeMember(cluster)))).at("/content/0/id")).isEqualTo(postId);
        assertThat(list.apply(api.as(secretariatOf(cluster))).at("/content/0/id")).isEqualTo(postId);
        assertRefusedToOutsiders(list, "not-a-member");
    }

    @Test
    void readingAPostIsForMembersAndTheSecretariatOfItsCluster() {
        Function<ApiClient, ApiClient.Response> read = client -> client.get(postPath(postId));

        assertThat(read.apply(api.as(userOf(activeMember(cluster)))).at("/id")).isEqualTo(postId);
        assertThat(read.apply(api.as(secretariatOf(cluster))).at("/id")).isEqualTo(postId);
        assertRefusedToOutsiders(read, "not-a-member");
    }

    @Test
    void matchesAreForMembersAndTheSecretariatOfThePostsCluster() {
        Function<ApiClient, ApiClient.Response> matches = client -> client.get(postPath(postId) + "/matches");

        assertThat(matches.apply(api.as(userOf(activeMember(cluster)))).at("/postId")).isEqualTo(postId);
        assertThat(matches.apply(api.as(userOf(author))).at("/postId")).isEqualTo(postId);
        assertThat(matches.apply(api.as(secretariatOf(cluster))).at("/postId")).isEqualTo(postId);
        assertRefusedToOutsiders(matches, "not-a-member");
    }

    @Test
    void onlyTheEnterpriseEditsItsPost() {
        Function<ApiClient, ApiClient.Response> edit = client -> client.send("PATCH", postPath(postId),
                "{\"title\":\"Edited\"}", MERGE_PATCH);

        assertProblem(edit.apply(api.as(userOf(activeMember(cluster)))), 403, "forbidden");
        assertProblem(edit.apply(api.as(secretariatOf(cluster))), 403, "forbidden");
        assertRefusedToOutsiders(edit, "forbidden");
        assertThat(mongo.findById(postId, Post.class).content().title()).isEqualTo("LED drivers wanted");

        assertThat(edit.apply(api.as(userOf(author))).at("/title")).isEqualTo("Edited");
    }

    @Test
    void onlyTheEnterpriseWithdrawsItsPost() {
        Function<ApiClient, ApiClient.Response> withdraw =
                client -> client.post(postPath(postId) + "/withdrawal", null);

        assertProblem(withdraw.apply(api.as(userOf(activeMember(cluster)))), 403, "forbidden");
        assertProblem(withdraw.apply(api.as(secretariatOf(cluster))), 403, "forbidden");
        assertRefusedToOutsiders(withdraw, "forbidden");
        assertThat(mongo.findById(postId, Post.class).closedAt()).isNull();

        assertThat(withdraw.apply(api.as(userOf(author))).at("/status")).isEqualTo("WITHDRAWN");
    }

    @Test
    void onlyTheSecretariatOfTheClusterRemovesAPost() {
        Function<ApiClient, ApiClient.Response> remove = client -> client.post(postPath(postId) + "/removal",
                Map.of("reason", "Spam"));

        assertProblem(remove.apply(api.as(userOf(author))), 403, "forbidden");
        assertProblem(remove.apply(api.as(userOf(activeMember(cluster)))), 403, "forbidden");
        assertRefusedToOutsiders(remove, "forbidden");
        assertThat(mongo.findById(postId, Post.class).closedAt()).isNull();

        assertThat(remove.apply(api.as(secretariatOf(cluster))).at("/status")).isEqualTo("REMOVED");
    }

    /**
     * A member of another cluster, an enterprise that never was a member, a suspended member (each refused as not a
     * member where membership is what the endpoint asks for), an expert, another cluster's secretariat, no token.
     */
    private void assertRefusedToOutsiders(Function<ApiClient, ApiClient.Response> call, String enterpriseProblem) {
        assertProblem(call.apply(api.as(userOf(otherClusterMember))), 403, enterpriseProblem);
        assertProblem(call.apply(api.as(userOf("ent-never-a-member"))), 403, enterpriseProblem);
        assertProblem(call.apply(api.as(userOf(enterpriseWithStatus(cluster, "SUSPENDED")))), 403,
                enterpriseProblem);
        assertProblem(call.apply(api.as(expert())), 403, null);
        assertProblem(call.apply(api.as(secretariatOf("another-" + cluster))), 403, null);
        assertProblem(call.apply(api.anonymous()), 401, null);
    }
}
