package com.brandcluster.perf.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scenario 6's side-by-side starts: every service of the portal started from its jar three ways, one process at a
 * time on every CPU, and timed from the start of the process to its readiness group's first answer 200, its resident
 * memory read a moment later ({@link StartupFigure}):
 * <ul>
 * <li>{@link Mode#PLAIN}: {@code java -jar} on the packaged jar;</li>
 * <li>{@link Mode#CDS}: the jar extracted ({@code java -Djarmode=tools -jar x.jar extract}), a training run with
 * {@code -XX:ArchiveClassesAtExit} and {@code -Dspring.context.exit=onRefresh}, then {@code -XX:SharedArchiveFile};</li>
 * <li>{@link Mode#AOT_CACHE} (JDK 25 and later): the same extracted jar, a training run with
 * {@code -XX:AOTCacheOutput}, then {@code -XX:AOTCache}.</li>
 * </ul>
 * Each round starts every service once each way, the ways one after the other, so that a change of the machine's
 * load over the run falls on all three alike. The services' JVM options are the same in training and measured runs
 * (an archive is only used by a JVM whose options match it). The services run against MongoDB in its own process,
 * RabbitMQ and the Keycloak stand-ins, as in {@link DirectoryPortal}; training artefacts and logs go to
 * {@code <dir>/startup}.
 */
public final class ServiceStartups {

    /** The services and the gateway, each with its database. */
    private static final List<Service> SERVICES = List.of(new Service("membership-service", "membership"),
            new Service("events-service", "events"), new Service("expert-salon-service", "salons"),
            new Service("branding-assets-service", "assets"), new Service("notification-service", "notifications"),
            new Service("gateway", "gateway"));
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final long SETTLE_MILLIS = 2000;
    private static final String TRAINING = "-Dspring.context.exit=onRefresh";

    /** How a service is started. */
    public enum Mode {
        PLAIN("plain"), CDS("CDS"), AOT_CACHE("AOT cache");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Every mode this JVM's JDK offers: the AOT cache needs JDK 25 (JEP 483, 514, 515). */
        static List<Mode> available() {
            return Runtime.version().feature() >= 25 ? List.of(values()) : List.of(PLAIN, CDS);
        }
    }

    private ServiceStartups() {
    }

    /** Trains and starts every service {@code rounds} times each way; about a minute per service and round here. */
    public static List<StartupFigure> measure(Path dir, int rounds) {
        Path startup = dir.resolve("startup");
        PortalProcess mongo = PortalProcess.mongo(startup);
        KeycloakAdminStandIn keycloakAdmin = new KeycloakAdminStandIn();
        try {
            Map<String, String> common = DirectoryPortal.commonEnvironment(keycloakAdmin.baseUrl());
            Map<Service, Map<Mode, List<String>>> launches = new LinkedHashMap<>();
            for (Service service : SERVICES) {
                launches.put(service, train(service.module(), service.environment(common, mongo),
                        startup.resolve(service.module())));
            }
            List<StartupFigure> figures = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                for (Service service : SERVICES) {
                    Map<String, String> environment = service.environment(common, mongo);
                    for (Map.Entry<Mode, List<String>> launch : launches.get(service).entrySet()) {
                        figures.add(start(service.module(), launch.getKey(), round, launch.getValue(), environment,
                                startup));
                    }
                }
            }
            return figures;
        }
        finally {
            keycloakAdmin.close();
            mongo.stop();
        }
    }

    /** A module of the portal that is started, and its database. */
    private record Service(String module, String database) {

        /** What it needs to start: the common environment, its database; the gateway's routes lead nowhere. */
        Map<String, String> environment(Map<String, String> common, PortalProcess mongo) {
            Map<String, String> environment = DirectoryPortal.withDatabase(common, mongo, database);
            if ("gateway".equals(module)) {
                environment.putAll(DirectoryPortal.gatewayEnvironment("http://127.0.0.1:9"));
            }
            return environment;
        }
    }

    /**
     * Extracts the service's jar into {@code work} and runs the training runs: how to launch the service each way,
     * after the services' JVM options.
     */
    private static Map<Mode, List<String>> train(String service, Map<String, String> environment, Path work) {
        Path jar = DirectoryPortal.jar(service);
        PortalProcess.requireJar(jar);
        delete(work);
        Path extracted = work.resolve("app");
        PortalProcess.runToExit(service + "-extract", List.of("-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", extracted.toString()), Map.of(), work, STARTUP);
        String app = extracted.resolve(jar.getFileName()).toString();
        Map<Mode, List<String>> launches = new EnumMap<>(Mode.class);
        launches.put(Mode.PLAIN, List.of("-jar", jar.toString()));
        Path archive = work.resolve("app.jsa");
        PortalProcess.runToExit(service + "-cds-training", List.of("-XX:ArchiveClassesAtExit=" + archive, TRAINING,
                "-jar", app), environment, work, STARTUP);
        launches.put(Mode.CDS, List.of("-XX:SharedArchiveFile=" + archive, "-jar", app));
        if (Mode.available().contains(Mode.AOT_CACHE)) {
            Path cache = work.resolve("app.aot");
            PortalProcess.runToExit(service + "-aot-training", List.of("-XX:AOTCacheOutput=" + cache, TRAINING,
                    "-jar", app), environment, work, STARTUP);
            launches.put(Mode.AOT_CACHE, List.of("-XX:AOTCache=" + cache, "-jar", app));
        }
        return launches;
    }

    private static StartupFigure start(String service, Mode mode, int round, List<String> launch,
                                       Map<String, String> environment, Path dir) {
        String name = service + "-" + mode.name().toLowerCase().replace('_', '-') + "-" + round;
        PortalProcess process = PortalProcess.service(name, launch, environment, dir.resolve(service));
        try {
            process.awaitReady(STARTUP);
            return StartupFigure.of(process, service, mode.label(), round, SETTLE_MILLIS);
        }
        finally {
            process.stop();
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
