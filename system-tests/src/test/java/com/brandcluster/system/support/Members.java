package com.brandcluster.system.support;

import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.KeycloakExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;

/**
 * Member enterprises made the way users make them, through the gateway: a Keycloak user registers an enterprise,
 * applies to the cluster, and the cluster's secretariat approves. Many at once for the concurrency tests.
 */
public final class Members {

    private static final String CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** An enterprise and a user acting for it. */
    public record Member(String enterpriseId, String username) {

        /** The user's token, renewed before it expires (the cached one was issued after the registration). */
        public String token() {
            return KeycloakExtension.passwordToken(username, KeycloakExtension.DEMO_PASSWORD);
        }
    }

    private static final Map<Integer, List<Member>> LIGHTING = new java.util.concurrent.ConcurrentHashMap<>();

    private Members() {
    }

    /**
     * {@code count} ACTIVE members of the lighting cluster (founded here unless the demo data did it already),
     * admitted once per test JVM and shared by the tests that need a crowd of members.
     */
    public static synchronized List<Member> ofLighting(Portal portal, int count) {
        return LIGHTING.computeIfAbsent(count, ignored -> {
            foundLighting(portal);
            return List.copyOf(admitted(portal.viaGateway(), "lighting", "secretariat-lighting", count, 8));
        });
    }

    /**
     * {@code count} new ACTIVE members of the lighting cluster (founded here unless the demo data did it already),
     * for tests that change them.
     */
    public static List<Member> newInLighting(Portal portal, int count) {
        foundLighting(portal);
        return admitted(portal.viaGateway(), "lighting", "secretariat-lighting", count, Math.min(count, 8));
    }

    /** Founds the lighting cluster unless the demo data or an earlier test did. */
    public static void foundLighting(Portal portal) {
        ApiClient.Response founded = portal.viaGateway().as(KeycloakExtension.passwordToken("alliance-admin",
                KeycloakExtension.DEMO_PASSWORD)).post("/api/membership/clusters", Map.of(
                "id", "lighting", "name", "China Lighting Brand Cluster", "industry", "Lighting",
                "region", "Guangdong", "memberNumberPrefix", "LIGHT",
                "tiers", List.of(Map.of("code", "member", "name", "Member", "rank", 1, "annualFee", 20000,
                        "consultationHoursPerYear", 4, "seatsPerEvent", 2, "assetAccessRank", 1))));
        // 409: the demo data (DemoDataIT, in the same portal) or an earlier test founded it already
        if (founded.status() != 201 && founded.status() != 409) {
            throw new IllegalStateException("Could not found the lighting cluster: " + founded);
        }
    }

    /**
     * {@code count} new enterprises, each an ACTIVE member of the cluster in membership-service once this returns
     * (the other services learn it from the admission event, or ask membership-service).
     */
    public static List<Member> admitted(ApiClient portal, String clusterId, String secretariatUser, int count,
                                        int parallelism) {
        String secretariat = KeycloakExtension.passwordToken(secretariatUser, KeycloakExtension.DEMO_PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<Member>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> admit(portal, clusterId, secretariat)));
            }
            List<Member> members = new ArrayList<>();
            for (Future<Member> future : futures) {
                members.add(future.get());
            }
            return members;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (java.util.concurrent.ExecutionException ex) {
            throw new IllegalStateException("Could not admit the test members: " + ex.getCause().getMessage(),
                    ex.getCause());
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static Member admit(ApiClient portal, String clusterId, String secretariat) {
        String user = Users.create("member", "enterprise");
        ApiClient.Response registered = portal.as(Users.token(user)).post("/api/membership/enterprises", Map.of(
                "legalName", "Concurrency Test " + user + " Co., Ltd.", "creditCode", newCreditCode(),
                "region", "Guangdong", "industry", "Lighting", "size", "SMALL"));
        require(registered, 201);
        String enterpriseId = registered.at("/enterprise/id");
        String token = Users.token(user);
        ApiClient.Response applied = portal.as(token).post("/api/membership/clusters/" + clusterId + "/applications",
                Map.of());
        require(applied, 201);
        require(portal.as(secretariat).post("/api/membership/applications/" + applied.at("/id") + "/approval", null),
                200);
        return new Member(enterpriseId, user);
    }

    /**
     * Waits until the service behind {@code api} (e.g. {@code /api/salons}) has learnt, from membership-service's
     * events, that the member's standing in the cluster is {@code status}.
     */
    public static void awaitStanding(ApiClient portal, String api, String clusterId, Member member, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ApiClient.Response standing = portal.as(member.token())
                    .get(api + "/clusters/" + clusterId + "/members/" + member.enterpriseId() + "/standing");
            return standing.status() == 200 && status.equals(standing.at("/status"));
        });
    }

    /** A random, valid unified social credit code (GB 32100 check character), as enterprises have. */
    public static String newCreditCode() {
        StringBuilder code = new StringBuilder("9144");
        for (int i = 0; i < 13; i++) {
            code.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_ALPHABET.indexOf(code.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return code.append(CREDIT_CODE_ALPHABET.charAt(check == 31 ? 0 : check)).toString();
    }

    private static void require(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("Expected " + status + ": " + response);
        }
    }
}
