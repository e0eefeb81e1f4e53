package com.brandcluster.testsupport;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Provides RabbitMQ to a test class: the broker at {@code RABBITMQ_ADDRESSES} ({@code host:port[,host:port]}) or
 * {@code 127.0.0.1:5672}, with {@code RABBITMQ_USERNAME}/{@code RABBITMQ_PASSWORD} (default guest/guest) and the
 * management API at {@code RABBITMQ_MANAGEMENT_URL} (default {@code http://<host>:15672}).
 * <p>
 * Each test JVM works in its own virtual host {@code bc-test-<pid>-<random>}, created through the management API and
 * deleted when the JVM exits (virtual hosts left behind by killed JVMs on this machine are deleted at the next start),
 * so test runs never see each other's or a running portal's queues. Before the Spring context loads it sets
 * {@code spring.rabbitmq.addresses|username|password|virtual-host} and
 * {@code brandcluster.messaging.management.url|username|password}; before each test class (not {@code @Nested} ones)
 * it purges every queue of the virtual host, keeping queues, exchanges, bindings and policies.
 */
public final class RabbitExtension implements BeforeAllCallback, TestInstancePreConstructCallback {

    private static final Logger log = LoggerFactory.getLogger(RabbitExtension.class);

    private static final Pattern TEST_VHOST = Pattern.compile("bc-test-(\\d+)-[0-9a-f]+");

    private static volatile RabbitInfo info;

    @Override
    public void beforeAll(ExtensionContext context) {
        RabbitInfo rabbit = info();
        setSystemProperties(rabbit);
        if (!Support.isNested(context.getRequiredTestClass())) {
            rabbit.management().purgeAll();
        }
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        setSystemProperties(info());
    }

    /** This JVM's broker coordinates and virtual host; prepares them on first use. */
    public static RabbitInfo info() {
        RabbitInfo current = info;
        if (current == null) {
            synchronized (RabbitExtension.class) {
                current = info;
                if (current == null) {
                    current = create(System::getenv);
                    info = current;
                }
            }
        }
        return current;
    }

    /** A management API client for this JVM's virtual host. */
    public static RabbitManagement management() {
        return info().management();
    }

    private static void setSystemProperties(RabbitInfo rabbit) {
        System.setProperty("spring.rabbitmq.addresses", rabbit.addresses());
        System.setProperty("spring.rabbitmq.username", rabbit.username());
        System.setProperty("spring.rabbitmq.password", rabbit.password());
        System.setProperty("spring.rabbitmq.virtual-host", rabbit.virtualHost());
        System.setProperty("brandcluster.messaging.management.url", rabbit.managementUrl().toString());
        System.setProperty("brandcluster.messaging.management.username", rabbit.username());
        System.setProperty("brandcluster.messaging.management.password", rabbit.password());
    }

    /** Checks the broker and its management API, creates the virtual host; {@code env} reads the environment. */
    static RabbitInfo create(Function<String, String> env) {
        String fromEnv = blankToNull(env.apply("RABBITMQ_ADDRESSES"));
        String addresses = fromEnv != null ? fromEnv : "127.0.0.1:5672";
        String username = orDefault(env.apply("RABBITMQ_USERNAME"), "guest");
        String password = orDefault(env.apply("RABBITMQ_PASSWORD"), "guest");
        String first = addresses.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        String host = colon < 0 ? first : first.substring(0, colon);
        int port = colon < 0 ? 5672 : Integer.parseInt(first.substring(colon + 1));

        if (!Support.answers(host, port, 3000)) {
            String hint = "Start it with `rabbitmq-server -detached` (or `service rabbitmq-server start`), install it "
                    + "with `apt-get install -y rabbitmq-server`, or "
                    + (fromEnv == null ? "set RABBITMQ_ADDRESSES to a running broker (host:port[,host:port])."
                                       : "fix RABBITMQ_ADDRESSES=" + fromEnv + " (or unset it for 127.0.0.1:5672).");
            throw new IllegalStateException("RabbitMQ is not answering on " + host + ":" + port + ". " + hint);
        }

        URI managementUrl = URI.create(orDefault(env.apply("RABBITMQ_MANAGEMENT_URL"), "http://" + host + ":15672"));
        String vhost = "bc-test-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        RabbitInfo rabbit = new RabbitInfo(addresses, host, port, vhost, managementUrl, username, password);
        RabbitManagement management = rabbit.management();
        try {
            management.get("/api/overview");
        }
        catch (IllegalStateException ex) {
            throw new IllegalStateException("RabbitMQ answers on " + host + ":" + port
                    + " but its management API at " + managementUrl + " does not work for user " + username
                    + " (" + ex.getMessage() + "). Enable it with `rabbitmq-plugins enable rabbitmq_management`"
                    + " (then restart the broker if needed), or set RABBITMQ_MANAGEMENT_URL.", ex);
        }
        if (isLoopback(host)) {
            deleteVirtualHostsOfDeadJvms(management);
        }
        management.put("/api/vhosts/" + RabbitManagement.enc(vhost), Map.of());
        management.put("/api/permissions/" + RabbitManagement.enc(vhost) + "/" + RabbitManagement.enc(username),
                Map.of("configure", ".*", "write", ".*", "read", ".*"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteVirtualHost(management, vhost),
                "rabbit-extension-shutdown"));
        log.info("Tests use RabbitMQ at {} in virtual host {}", addresses, vhost);
        return rabbit;
    }

    private static void deleteVirtualHostsOfDeadJvms(RabbitManagement management) {
        try {
            for (JsonNode vhost : management.get("/api/vhosts?columns=name").values()) {
                String name = vhost.path("name").asString();
                Matcher matcher = TEST_VHOST.matcher(name);
                if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty()) {
                    deleteVirtualHost(management, name);
                }
            }
        }
        catch (RuntimeException ex) {
            log.debug("Could not clean up old test virtual hosts", ex);
        }
    }

    private static void deleteVirtualHost(RabbitManagement management, String vhost) {
        try {
            management.delete("/api/vhosts/" + RabbitManagement.enc(vhost));
        }
        catch (RuntimeException ex) {
            log.debug("Could not delete virtual host {}", vhost, ex);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orDefault(String value, String fallback) {
        String v = blankToNull(value);
        return v != null ? v : fallback;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
