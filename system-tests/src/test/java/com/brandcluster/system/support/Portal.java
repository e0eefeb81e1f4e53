package com.brandcluster.system.support;

import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.FaultProxy;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.brandcluster.testsupport.KeycloakExtension;
import com.brandcluster.testsupport.MongoExtension;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitInfo;
import com.brandcluster.testsupport.RedisExtension;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The whole portal for black-box tests: the five services and the gateway, each started from its packaged jar as a
 * process of its own, against the real Keycloak (KeycloakExtension), RabbitMQ in this JVM's virtual host
 * (RabbitExtension) and MongoDB (MongoExtension: the in-process server, or MONGODB_URI), one database per service,
 * and an SMTP server in this JVM ({@link #mail()}) that receives every mail the portal sends.
 * One portal per test JVM, stopped when the JVM exits.
 * <p>
 * Each service reaches RabbitMQ and MongoDB, and each caller of membership-service reaches it, through a
 * {@link FaultProxy} of its own ({@link #rabbitProxy(String)}, {@link #mongoProxy(String)},
 * {@link #membershipProxy(String)}), and the services and the gateway reach Keycloak through one ({@link #keycloakProxy()}),
 * so that the fault tests can cut or slow one path; the other tests never touch
 * them. {@link #restoreFaults()} puts every proxy back.
 */
public final class Portal {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);
    private static volatile Portal instance;

    private final ServiceProcess membership;
    private final ServiceProcess events;
    private final ServiceProcess salons;
    private final ServiceProcess assets;
    private final ServiceProcess notifications;
    private final ServiceProcess gateway;
    private final GreenMail mail;
    private final Map<String, FaultProxy> rabbitProxies = new LinkedHashMap<>();
    private final Map<String, FaultProxy> mongoProxies = new LinkedHashMap<>();
    private final Map<String, FaultProxy> membershipProxies = new LinkedHashMap<>();
    private final FaultProxy keycloakProxy;

    private Portal() {
        RabbitInfo rabbit = RabbitExtension.info();
        URI keycloak = URI.create(KeycloakExtension.baseUrl());
        keycloakProxy = FaultProxy.to(keycloak.getHost(), keycloak.getPort());
        String keycloakViaProxy = "http://" + keycloakProxy.address();
        Map<String, String> common = new HashMap<>();
        common.put("MONGODB_URI", MongoExtension.uri());
        common.put("RABBITMQ_USERNAME", rabbit.username());
        common.put("RABBITMQ_PASSWORD", rabbit.password());
        common.put("RABBITMQ_VHOST", rabbit.virtualHost());
        common.put("BRANDCLUSTER_MESSAGING_MANAGEMENT_URL", rabbit.managementUrl().toString());
        common.put("BRANDCLUSTER_MESSAGING_MANAGEMENT_USERNAME", rabbit.username());
        common.put("BRANDCLUSTER_MESSAGING_MANAGEMENT_PASSWORD", rabbit.password());
        common.put("KEYCLOAK_ISSUER_URI", KeycloakExtension.issuerUri());
        common.put("BRANDCLUSTER_SECURITY_JWKSETURI", KeycloakExtension.jwkSetUri()
                .replace(KeycloakExtension.baseUrl(), keycloakViaProxy));

        membership = service("membership-service", "membership", common, Map.of(
                "KEYCLOAK_URL", keycloakViaProxy,
                "BC_MEMBERSHIP_SERVICE_SECRET", KeycloakExtension.membershipServiceSecret()));
        events = service("events-service", "events", common, Map.of("MEMBERSHIP_URL", membershipVia("events-service")));
        salons = service("expert-salon-service", "salons", common,
                Map.of("MEMBERSHIP_URL", membershipVia("expert-salon-service")));
        assets = service("branding-assets-service", "assets", common,
                Map.of("MEMBERSHIP_URL", membershipVia("branding-assets-service")));
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        notifications = service("notification-service", "notifications", common, Map.of(
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(mail.getSmtp().getPort()),
                "KEYCLOAK_URL", keycloakViaProxy,
                "BC_NOTIFICATION_SERVICE_SECRET", KeycloakExtension.notificationServiceSecret()));
        Map<String, String> gatewayEnvironment = new HashMap<>(Map.of(
                "BC_PORTAL_GATEWAY_SECRET", KeycloakExtension.portalGatewaySecret(),
                "KEYCLOAK_URL", keycloakViaProxy,
                "MEMBERSHIP_URL", membership.baseUrl(),
                "EVENTS_URL", events.baseUrl(),
                "SALONS_URL", salons.baseUrl(),
                "ASSETS_URL", assets.baseUrl(),
                "NOTIFICATIONS_URL", notifications.baseUrl()));
        gatewayEnvironment.putAll(rateLimits());
        gateway = service("gateway", "gateway", common, gatewayEnvironment);
    }

    /**
     * The gateway's rate limits: Redis of {@link RedisExtension} (127.0.0.1:6379), buckets of this JVM's own (key
     * prefix), and limits far above what the tests send from their one address (race tests fire hundreds of requests
     * a second), so that no test is refused. The limits themselves are tested in the gateway module.
     */
    private static Map<String, String> rateLimits() {
        return Map.of(
                "REDIS_HOST", RedisExtension.host(),
                "REDIS_PORT", Integer.toString(RedisExtension.port()),
                "BRANDCLUSTER_GATEWAY_RATE_LIMIT_KEY_PREFIX", "system-test-" + UUID.randomUUID(),
                "BRANDCLUSTER_GATEWAY_RATE_LIMIT_PER_USER_REPLENISH_RATE", "100000",
                "BRANDCLUSTER_GATEWAY_RATE_LIMIT_PER_USER_BURST_CAPACITY", "1000000",
                "BRANDCLUSTER_GATEWAY_RATE_LIMIT_PER_IP_REPLENISH_RATE", "100000",
                "BRANDCLUSTER_GATEWAY_RATE_LIMIT_PER_IP_BURST_CAPACITY", "1000000");
    }

    /** The running portal; the first call starts it (about a minute on two cores). */
    public static Portal get() {
        Portal portal = instance;
        if (portal == null) {
            synchronized (Portal.class) {
                portal = instance;
                if (portal == null) {
                    portal = new Portal();
                    portal.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(portal::stop, "portal-shutdown"));
                    instance = portal;
                }
            }
        }
        return portal;
    }

    private void start() {
        List<ServiceProcess> services = List.of(membership, events, salons, assets, notifications);
        services.forEach(ServiceProcess::start);
        gateway.start();
        CompletableFuture.allOf(List.of(membership, events, salons, assets, notifications, gateway).stream()
                        .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(STARTUP)))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    /**
     * Stops every service at once when the test JVM exits. The broker's virtual host and the in-process MongoDB go
     * away at the same moment (their own shutdown hooks), so a service gets a few seconds to stop and is then killed:
     * waiting longer only keeps the JVM from exiting.
     */
    private void stop() {
        CompletableFuture.allOf(List.of(gateway, membership, events, salons, assets, notifications).stream()
                        .map(service -> CompletableFuture.runAsync(() -> service.stop(EXIT_GRACE)))
                        .toArray(CompletableFuture[]::new))
                .join();
        mail.stop();
    }

    /** The proxy between {@code service} (e.g. {@code "events-service"}) and RabbitMQ. */
    public FaultProxy rabbitProxy(String service) {
        return proxy(rabbitProxies, service);
    }

    /** The proxies between every service and RabbitMQ, by service. */
    public Map<String, FaultProxy> rabbitProxies() {
        return Map.copyOf(rabbitProxies);
    }

    /** The proxy between {@code service} and its MongoDB database. */
    public FaultProxy mongoProxy(String service) {
        return proxy(mongoProxies, service);
    }

    /** The proxy between {@code caller} (events-, expert-salon- or branding-assets-service) and membership-service. */
    public FaultProxy membershipProxy(String caller) {
        return proxy(membershipProxies, caller);
    }

    /**
     * A service's own MongoDB database, to read what it stored: {@code "membership"}, {@code "events"},
     * {@code "salons"}, {@code "assets"}, {@code "notifications"} or {@code "gateway"}.
     */
    public MongoDatabase database(String name) {
        return MongoExtension.client().getDatabase(MongoExtension.databaseName() + "-" + name);
    }

    /**
     * The proxy between the portal and Keycloak, for what the services and the gateway fetch themselves: the JWK set,
     * the gateway's token endpoint (logins), membership- and notification-service's service-account tokens and admin
     * calls. Browsers and the tests reach Keycloak directly.
     */
    public FaultProxy keycloakProxy() {
        return keycloakProxy;
    }

    /** Every proxy back to normal: listening, no delay. Fault tests call it after each test. */
    public void restoreFaults() {
        keycloakProxy.restore();
        for (Map<String, FaultProxy> proxies : List.of(rabbitProxies, mongoProxies, membershipProxies)) {
            proxies.values().forEach(FaultProxy::restore);
        }
    }

    /** A client of the portal's one entry point. */
    public ApiClient viaGateway() {
        return new ApiClient(gateway.baseUrl());
    }

    public ServiceProcess gateway() {
        return gateway;
    }

    public ServiceProcess membership() {
        return membership;
    }

    public ServiceProcess events() {
        return events;
    }

    public ServiceProcess salons() {
        return salons;
    }

    public ServiceProcess notifications() {
        return notifications;
    }

    /** The SMTP server the portal sends its mails to; what it received, by recipient. */
    public GreenMail mail() {
        return mail;
    }

    public ServiceProcess assets() {
        return assets;
    }

    private static FaultProxy proxy(Map<String, FaultProxy> proxies, String service) {
        FaultProxy proxy = proxies.get(service);
        if (proxy == null) {
            throw new IllegalArgumentException("No fault proxy for " + service + "; there are for " + proxies.keySet());
        }
        return proxy;
    }

    private String membershipVia(String caller) {
        FaultProxy proxy = FaultProxy.to("127.0.0.1", membership.port());
        membershipProxies.put(caller, proxy);
        return "http://" + proxy.address();
    }

    private ServiceProcess service(String module, String database, Map<String, String> common,
                                   Map<String, String> own) {
        Map<String, String> environment = new HashMap<>(common);
        RabbitInfo rabbit = RabbitExtension.info();
        FaultProxy rabbitProxy = FaultProxy.to(rabbit.host(), rabbit.port());
        rabbitProxies.put(module, rabbitProxy);
        environment.put("RABBITMQ_ADDRESSES", rabbitProxy.address());
        if (database != null) {
            environment.put("MONGODB_DATABASE", MongoExtension.databaseName() + "-" + database);
            environment.put("MONGODB_URI", mongoUriVia(module));
        }
        environment.putAll(own);
        Path jar = Path.of("..", module, "target", module + "-" + projectVersion() + ".jar");
        return new ServiceProcess(module, jar, environment);
    }

    /**
     * This JVM's MongoDB connection string with its one host replaced by a proxy. A real MongoDB named by several
     * hosts (a replica set) is left as it is: the driver would find the members past the proxy.
     */
    private String mongoUriVia(String module) {
        String uri = MongoExtension.uri();
        ConnectionString parsed = new ConnectionString(uri);
        if (parsed.getHosts().size() != 1 || uri.startsWith("mongodb+srv:")) {
            return uri;
        }
        String host = parsed.getHosts().getFirst();
        int colon = host.lastIndexOf(':');
        FaultProxy proxy = colon < 0 ? FaultProxy.to(host, 27017)
                : FaultProxy.to(host.substring(0, colon), Integer.parseInt(host.substring(colon + 1)));
        mongoProxies.put(module, proxy);
        String proxied = uri.replaceFirst(java.util.regex.Pattern.quote(host), proxy.address());
        return proxied + (proxied.contains("?") ? "&" : "?") + "directConnection=true";
    }

    private static String projectVersion() {
        return System.getProperty("project.version", "0.1.0-SNAPSHOT");
    }
}
