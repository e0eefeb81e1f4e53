package com.brandcluster.perf.driver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three services that keep a projection of the memberships ({@code member_standings}, written by the platform's
 * {@code MemberStandingProjector} from membership-service's status and tier events): events-service,
 * expert-salon-service and branding-assets-service, each from its packaged jar against the portal's MongoDB (a
 * database of its own) and RabbitMQ virtual host, started side by side on every CPU and pinned to the portal's CPUs
 * once ready. Their look-ups of memberships go to the portal's membership-service; nothing else they call runs.
 */
public final class EventConsumers implements AutoCloseable {

    /** Each consumer and its database, as deployed. */
    public static final Map<String, String> DATABASES = Map.of("events-service", "events",
            "expert-salon-service", "salons", "branding-assets-service", "assets");
    private static final List<String> ORDER = List.of("events-service", "expert-salon-service",
            "branding-assets-service");
    private static final Duration STARTUP = Duration.ofMinutes(10);

    private final List<PortalProcess> processes = new ArrayList<>();

    private EventConsumers(DirectoryPortal portal, CoreSplit cores, Path dir) {
        try {
            Map<String, String> common = DirectoryPortal.commonEnvironment("http://127.0.0.1:9");
            common.put("MEMBERSHIP_URL", portal.membership().baseUrl());
            for (String service : ORDER) {
                processes.add(PortalProcess.service(service, DirectoryPortal.jar(service), null,
                        DirectoryPortal.withDatabase(common, portal.mongo(), DATABASES.get(service)), dir));
            }
            PortalProcess.awaitReady(processes, STARTUP);
            processes.forEach(process -> cores.pinPortalProcess(process.pid()));
        }
        catch (RuntimeException ex) {
            close();
            throw ex;
        }
    }

    /** Starts the three consumers: about 20 s on two quiet cores, minutes on a busy machine (up to 10 are allowed). */
    public static EventConsumers start(DirectoryPortal portal, CoreSplit cores, Path dir) {
        return new EventConsumers(portal, cores, dir);
    }

    /** The consumers, in the order events-service, expert-salon-service, branding-assets-service. */
    public List<PortalProcess> processes() {
        return List.copyOf(processes);
    }

    @Override
    public void close() {
        PortalProcess.stopAll(processes);
    }
}
