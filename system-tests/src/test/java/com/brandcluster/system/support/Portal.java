package com.brandcluster.system.support;

import com.brandcluster.testsupport.ApiClient;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.brandcluster.testsupport.KeycloakExtension;
import com.brandcluster.testsupport.MongoExtension;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitInfo;
import com.brandcluster.testsupport.RedisExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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

    private Portal() {
        RabbitInfo rabbit = RabbitExtension.info();
        Map<String, String> common = new HashMap<>();
        common.put("MONGODB_URI", MongoExtension.uri());
        common.put("RABBITMQ_ADDRESSES", rabbit.addresses());
        common.put("RABBITMQ_USERNAME", rabbit.username());
        common.put("RABBITMQ_PASSWORD", rabbit.password());
        common.put("RABBITMQ_VHOST", rabbit.virtualHost());
        common.put("BRANDCLUSTER_MESSAGING_MANAGEMENT_URL", rabbit.managementUrl().toString());
        common.put("BRANDCLUSTER_MESSAGING_MANAGEMENT_USERNAME", rabbit.username());
        common.put("BRANDCLUSTER_MESSAGING_MANAGEMENT_PASSWORD", rabbit.password());
        common.put("KEYCLOAK_ISSUER_URI", KeycloakExtension.issuerUri());

        membership = service("membership-service", "membership", common, Map.of(
                "KEYCLOAK_URL", KeycloakExtension.baseUrl(),
                "BC_MEMBERSHIP_SERVICE_SECRET", KeycloakExtension.membershipServiceSecret()));
        events = service("events-service", "events", common, Map.of("MEMBERSHIP_URL", membership.baseUrl()));
        salons = service("expert-salon-service", "salons", common, Map.of("MEMBERSHIP_URL", membership.baseUrl()));
        assets = service("branding-assets-service", "assets", common, Map.of("MEMBERSHIP_URL", membership.baseUrl()));
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        notifications = service("notification-service", "notifications", common, Map.of(
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(mail.getSmtp().getPort()),
                "KEYCLOAK_URL", KeycloakExtension.baseUrl(),
                "BC_NOTIFICATION_SERVICE_SECRET", KeycloakExtension.notificationServiceSecret()));
        Map<String, String> gatewayEnvironment = new HashMap<>(Map.of(
                "BC_PORTAL_GATEWAY_SECRET", KeycloakExtension.portalGatewaySecret(),
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

    private static ServiceProcess service(String module, String database, Map<String, String> common,
                                          Map<String, String> own) {
        Map<String, String> environment = new HashMap<>(common);
        if (database != null) {
            environment.put("MONGODB_DATABASE", MongoExtension.databaseName() + "-" + database);
        }
        environment.putAll(own);
        Path jar = Path.of("..", module, "target", module + "-" + projectVersion() + ".jar");
        return new ServiceProcess(module, jar, environment);
    }

    private static String projectVersion() {
        return System.getProperty("project.version", "0.1.0-SNAPSHOT");
    }
}
