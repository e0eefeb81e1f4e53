package com.brandcluster.perf.driver;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitInfo;
import com.brandcluster.testsupport.RedisExtension;
import com.brandcluster.testsupport.TestTokens;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

/**
 * What the scenarios read, the {@link Part}s a run needs started side by side on the MongoDB process it is given:
 * the gateway always; for the directory scenarios, membership-service twice from the same jar (as deployed, and in
 * the {@code benchmark} profile with token validation off, on the same database) behind the gateway, and the cluster
 * {@value #CLUSTER} with {@code members} member enterprises registered, applied and admitted through
 * membership-service's API, and a token per member; for the downloads scenario, branding-assets-service behind the
 * gateway and the reference beside it, with the brand kit's files uploaded ({@link AssetDownloads}). Every process
 * is pinned to the portal's CPUs once everything is ready.
 * <p>
 * Tokens are signed by {@link TestTokens}' key and its local JWK set stands in for Keycloak's, so every JWK set
 * request of the portal is counted ({@link #keycloakRequests()}); the admin API calls of the registrations go to a
 * stand-in that counts them too. RabbitMQ is the one of {@link RabbitExtension} in a virtual host of this JVM's, Redis
 * (the gateway's rate limits) the one of {@link RedisExtension}, with limits far above the load.
 */
public final class DirectoryPortal implements AutoCloseable {

    public static final String CLUSTER = "bench";
    /**
     * How long a service may take to be ready: the smoke run starts six JVMs side by side (this portal's four and
     * {@link BookingPortal}'s two), and five took four minutes on two cores at a load average of 40.
     */
    static final Duration STARTUP = Duration.ofMinutes(6);
    /** How long the driver's tokens are valid: longer than any run. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(4);
    private static final String NOWHERE = "http://127.0.0.1:9";

    private final KeycloakAdminStandIn keycloakAdmin = new KeycloakAdminStandIn();
    private final List<PortalProcess> processes = new ArrayList<>();
    private final PortalProcess mongo;
    private final PortalProcess membership;
    private final PortalProcess membershipUnchecked;
    private final PortalProcess gateway;
    private final AssetDownloads assets;
    private final List<String> memberTokens;
    private final List<StartupFigure> startups;

    private DirectoryPortal(CoreSplit cores, Path dir, Path profileJar, int members, Set<Part> parts,
                            PortalProcess mongo) {
        this.mongo = mongo;
        processes.add(mongo);
        try {
            boolean directory = parts.contains(Part.DIRECTORY);
            Map<String, String> common = commonEnvironment(keycloakAdmin.baseUrl());
            List<PortalProcess> services = new ArrayList<>();
            if (directory) {
                Path membershipJar = jar("membership-service");
                membership = started(PortalProcess.service("membership-service", membershipJar, null,
                        withDatabase(common, mongo, "membership"), dir));
                Map<String, String> unchecked = withDatabase(common, mongo, "membership");
                unchecked.put("SPRING_PROFILES_ACTIVE", "benchmark");
                membershipUnchecked = started(PortalProcess.service("membership-service-unchecked", membershipJar,
                        profileJar, unchecked, dir));
                services.addAll(List.of(membership, membershipUnchecked));
            }
            else {
                membership = null;
                membershipUnchecked = null;
            }
            if (parts.contains(Part.DOWNLOADS)) {
                assets = AssetDownloads.start(AssetDownloads.Sizes.fromSystemProperties(), dir,
                        withDatabase(common, mongo, AssetDownloads.DATABASE), mongo);
                assets.processes().forEach(this::started);
            }
            else {
                assets = null;
            }
            Map<String, String> gatewayEnvironment = withDatabase(common, mongo, "gateway");
            gatewayEnvironment.putAll(gatewayEnvironment(directory ? membership.baseUrl() : NOWHERE));
            if (assets != null) {
                gatewayEnvironment.put("ASSETS_URL", assets.service().baseUrl());
            }
            gateway = started(PortalProcess.service("gateway", jar("gateway"), null, gatewayEnvironment, dir));
            services.add(gateway);
            if (assets != null) {
                services.add(assets.service());
            }
            CompletableFuture<Void> reference = assets == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> assets.awaitReference(STARTUP));
            startups = PortalProcess.awaitReady(services, STARTUP);
            reference.join();
            CompletableFuture<Void> downloads = CompletableFuture.completedFuture(null);
            if (assets != null) {
                bindEventSink("assets.events");
                downloads = CompletableFuture.runAsync(() -> assets.prepare(gateway.baseUrl()));
            }
            if (directory) {
                bindEventSink("membership.events");
                memberTokens = admitMembers(members);
            }
            else {
                memberTokens = List.of();
            }
            downloads.join();
            processes.forEach(process -> cores.pinPortalProcess(process.pid()));
        }
        catch (RuntimeException ex) {
            close();
            throw ex;
        }
    }

    /** What a run needs started: the directory scenarios' processes and members, the downloads scenario's. */
    public enum Part {
        /** membership-service twice, with the members admitted ({@link #membership()}...). */
        DIRECTORY,
        /** branding-assets-service, the reference and the files ({@link #assets()}). */
        DOWNLOADS
    }

    /**
     * The MongoDB process for a run that starts {@code parts}: with a heap that holds the downloads' files when the
     * run has them. The portals of the run share it.
     */
    public static PortalProcess mongo(Path dir, Set<Part> parts) {
        return parts.contains(Part.DOWNLOADS)
                ? PortalProcess.mongo(dir, AssetDownloads.Sizes.fromSystemProperties().mongoHeapMib())
                : PortalProcess.mongo(dir);
    }

    /**
     * Starts everything the parts need and the gateway side by side on {@code mongo}'s databases, registers the
     * members and uploads the files; about half a minute on two cores, plus the upload. The MongoDB process stays its
     * starter's to stop.
     */
    public static DirectoryPortal start(CoreSplit cores, Path dir, Path profileJar, int members, Set<Part> parts,
                                        PortalProcess mongo) {
        return new DirectoryPortal(cores, dir, profileJar, members, parts, mongo);
    }

    /** The downloads scenario's side: branding-assets-service, the reference, the files; null when not started. */
    public AssetDownloads assets() {
        return assets;
    }

    /** membership-service as deployed (tokens validated); null without {@link Part#DIRECTORY}. */
    public PortalProcess membership() {
        return membership;
    }

    /** membership-service in the {@code benchmark} profile (token claims unchecked); null without the directory. */
    public PortalProcess membershipUnchecked() {
        return membershipUnchecked;
    }

    public PortalProcess gateway() {
        return gateway;
    }

    public PortalProcess mongo() {
        return mongo;
    }

    /**
     * How long the services the parts need and the gateway took to be ready, started side by side from their jars,
     * and their memory once all were ready, before any request.
     */
    public List<StartupFigure> startups() {
        return startups;
    }

    /** Every process of the portal, by name, MongoDB among them. */
    public List<PortalProcess> processes() {
        return List.copyOf(processes);
    }

    /** One bearer token per member enterprise (role enterprise, {@code enterprise_id}), valid for hours. */
    public List<String> memberTokens() {
        return memberTokens;
    }

    /** Every request that reached the Keycloak stand-ins so far: JWK set fetches and admin API calls. */
    public int keycloakRequests() {
        return TestTokens.jwksRequests() + keycloakAdmin.requests();
    }

    /** The JWK set fetches so far. */
    public int jwksRequests() {
        return TestTokens.jwksRequests();
    }

    /** The member directory's first page, as a path on membership-service or the gateway. */
    public static String directoryPage() {
        return "/api/membership/clusters/" + CLUSTER + "/members?page=0&size=20";
    }

    /** Stops the services and the gateway; MongoDB is left running. */
    @Override
    public void close() {
        PortalProcess.stopAll(processes.subList(1, processes.size()));
        keycloakAdmin.close();
    }

    private PortalProcess started(PortalProcess process) {
        processes.add(process);
        return process;
    }

    /** What every service needs to start here: RabbitMQ, the tokens' issuer and JWK set, the admin API stand-in. */
    static Map<String, String> commonEnvironment(String keycloakAdminUrl) {
        RabbitInfo rabbit = RabbitExtension.info();
        Map<String, String> environment = new HashMap<>();
        environment.put("RABBITMQ_ADDRESSES", rabbit.addresses());
        environment.put("RABBITMQ_USERNAME", rabbit.username());
        environment.put("RABBITMQ_PASSWORD", rabbit.password());
        environment.put("RABBITMQ_VHOST", rabbit.virtualHost());
        environment.put("BRANDCLUSTER_MESSAGING_MANAGEMENT_URL", rabbit.managementUrl().toString());
        environment.put("BRANDCLUSTER_MESSAGING_MANAGEMENT_USERNAME", rabbit.username());
        environment.put("BRANDCLUSTER_MESSAGING_MANAGEMENT_PASSWORD", rabbit.password());
        environment.put("KEYCLOAK_ISSUER_URI", TestTokens.issuerUri());
        environment.put("BRANDCLUSTER_SECURITY_JWKSETURI", TestTokens.jwkSetUri());
        environment.put("KEYCLOAK_URL", keycloakAdminUrl);
        environment.put("BC_MEMBERSHIP_SERVICE_SECRET", "benchmark");
        return environment;
    }

    static Map<String, String> withDatabase(Map<String, String> common, PortalProcess mongo, String database) {
        Map<String, String> environment = new HashMap<>(common);
        environment.put("MONGODB_URI", "mongodb://127.0.0.1:" + mongo.port());
        environment.put("MONGODB_DATABASE", database);
        return environment;
    }

    /** The gateway's routes (membership-service at {@code membershipUrl}, the others nowhere) and rate limits. */
    static Map<String, String> gatewayEnvironment(String membershipUrl) {
        Map<String, String> environment = new HashMap<>();
        environment.put("MEMBERSHIP_URL", membershipUrl);
        for (String other : List.of("EVENTS_URL", "SALONS_URL", "ASSETS_URL", "NOTIFICATIONS_URL")) {
            environment.put(other, "http://127.0.0.1:9");
        }
        environment.put("BC_PORTAL_GATEWAY_SECRET", "benchmark");
        environment.put("REDIS_HOST", RedisExtension.host());
        environment.put("REDIS_PORT", Integer.toString(RedisExtension.port()));
        environment.put("BRANDCLUSTER_GATEWAY_RATE_LIMIT_KEY_PREFIX", "perf-" + UUID.randomUUID());
        environment.put("BRANDCLUSTER_GATEWAY_RATE_LIMIT_PER_USER_REPLENISH_RATE", "1000000");
        environment.put("BRANDCLUSTER_GATEWAY_RATE_LIMIT_PER_USER_BURST_CAPACITY", "10000000");
        environment.put("BRANDCLUSTER_GATEWAY_RATE_LIMIT_PER_IP_REPLENISH_RATE", "1000000");
        environment.put("BRANDCLUSTER_GATEWAY_RATE_LIMIT_PER_IP_BURST_CAPACITY", "10000000");
        return environment;
    }

    /**
     * Stands in for the consumers of a service's events, which are not started here: a queue bound to its
     * {@code exchange}, so that the outbox's mandatory publications are routed instead of staying pending and being
     * retried while the benchmark measures.
     */
    static void bindEventSink(String exchange) {
        String queue = "perf." + exchange;
        try (Connection connection = RabbitExtension.info().connectionFactory().newConnection();
             Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, false, false, false, Map.of("x-max-length", 10_000));
            channel.queueBind(queue, exchange, "#");
        }
        catch (IOException | TimeoutException ex) {
            throw new IllegalStateException("Could not bind a queue to " + exchange, ex);
        }
    }

    private List<String> admitMembers(int count) {
        ApiClient api = new ApiClient(membership.baseUrl());
        String admin = TestTokens.user("bench-alliance-admin").roles("alliance-admin").expiresIn(TOKEN_LIFETIME)
                .issue();
        require(api.as(admin).post("/api/membership/clusters", Map.of(
                "id", CLUSTER, "name", "Benchmark Lighting Brand Cluster", "industry", "Lighting",
                "region", "Guangdong", "memberNumberPrefix", "BENCH",
                "tiers", List.of(Map.of("code", "member", "name", "Member", "rank", 1, "annualFee", 20000,
                        "consultationHoursPerYear", 4, "seatsPerEvent", 2, "assetAccessRank", 1)))), 201);
        String secretariat = TestTokens.user("bench-secretariat").roles("secretariat").secretariatOf(CLUSTER)
                .expiresIn(TOKEN_LIFETIME).issue();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> admitted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                admitted.add(pool.submit(() -> admit(api, secretariat, n)));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> token : admitted) {
                tokens.add(token.get());
            }
            return List.copyOf(tokens);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (java.util.concurrent.ExecutionException ex) {
            throw new IllegalStateException("Could not admit the benchmark's members: " + ex.getCause().getMessage(),
                    ex.getCause());
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** Registers enterprise {@code n}, applies and has the secretariat approve; the member's token. */
    private static String admit(ApiClient api, String secretariat, int n) {
        String user = "bench-user-" + n;
        ApiClient.Response registered = require(api.as(TestTokens.user(user).roles("enterprise").issue())
                .post("/api/membership/enterprises", Map.of(
                        "legalName", String.format("Benchmark Lighting %04d Co., Ltd.", n),
                        "creditCode", creditCode(n), "region", n % 2 == 0 ? "Guangdong" : "Zhejiang",
                        "industry", "Lighting", "size", "SMALL")), 201);
        String token = TestTokens.user(user).roles("enterprise").enterpriseId(registered.at("/enterprise/id"))
                .expiresIn(TOKEN_LIFETIME).issue();
        ApiClient.Response applied = require(api.as(token)
                .post("/api/membership/clusters/" + CLUSTER + "/applications", Map.of()), 201);
        require(api.as(secretariat).post("/api/membership/applications/" + applied.at("/id") + "/approval", null),
                200);
        return token;
    }

    /** The {@code n}th unified social credit code of the run: 18 characters, its GB 32100 check character right. */
    static String creditCode(int n) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        String body = String.format("91440300%09d", n);
        int weight = 1;
        int sum = 0;
        for (char c : body.toCharArray()) {
            sum += alphabet.indexOf(c) * weight;
            weight = weight * 3 % 31;
        }
        return body + alphabet.charAt((31 - sum % 31) % 31);
    }

    /** The response, if it has {@code status}; otherwise the driver cannot go on. */
    static ApiClient.Response require(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("Expected " + status + ": " + response);
        }
        return response;
    }

    /** The packaged jar of a module of the portal. */
    static Path jar(String module) {
        String version = System.getProperty("project.version", "0.1.0-SNAPSHOT");
        return Path.of(System.getProperty("perf.root", ".."), module, "target", module + "-" + version + ".jar")
                .normalize();
    }
}
