package com.brandcluster.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.brandcluster.perf.driver.BookingPortal;
import com.brandcluster.perf.driver.CoreSplit;
import com.brandcluster.perf.driver.DirectoryPortal;
import com.brandcluster.perf.driver.PortalProcess;
import com.brandcluster.perf.driver.ServiceStartups;
import com.brandcluster.perf.driver.StartupFigure;
import com.brandcluster.perf.scenario.Arm;
import com.brandcluster.perf.scenario.BenchmarkScenario;
import com.brandcluster.perf.scenario.BookingContention;
import com.brandcluster.perf.scenario.OwnPhases;
import com.brandcluster.perf.scenario.Scenarios;
import com.brandcluster.perf.scenario.StartupMemory;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import tools.jackson.databind.json.JsonMapper;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.md5;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Runs the scenarios of {@code -Dscenario} (one, or every one for {@code smoke}) against the portals they need, started
 * side by side on one MongoDB process: {@link DirectoryPortal} with the parts the scenarios need for the directory
 * reads and the downloads, {@link BookingPortal} for booking contention. For each directory scenario, every arm is
 * warmed up ({@code -Dperf.warmup}) and then every arm measured ({@code -Dperf.measure}), one after the other, each by
 * {@code -Dperf.users} virtual users that send the read in a loop (a closed model: the same concurrency on every arm),
 * each user with the token of a member of its own; the downloads likewise, with their own phases
 * ({@code -Dperf.downloadWarmup}, {@code -Dperf.downloadMeasure}) and users ({@code -Dperf.downloadUsers}). For
 * {@value BookingContention#NAME}, a warm-up burst and then the measured one: {@code -Dperf.bookingAttempts} attempts at
 * once on {@code -Dperf.bookingSlots} slots of an expert. This JVM is the load generator, pinned to the load CPUs
 * ({@link CoreSplit}). Each measured phase's requests, response times, CPU times and Keycloak requests go to
 * {@code <perf.dir>/run.json}, from which {@link BenchmarkTable} prints the table; Gatling's own HTML report is
 * written beside it, for a closer look. The record holds the services' starts too: for {@value StartupMemory#NAME},
 * every service started three ways side by side before anything else ({@link ServiceStartups}, on every CPU);
 * otherwise the starts of the portals' own processes.
 */
public class PortalSimulation extends Simulation {

    private static final Duration BURST_TIMEOUT = Duration.ofMinutes(10);

    private final String run = System.getProperty("scenario", Scenarios.SMOKE);
    private final Duration warmup = Duration.parse("PT" + System.getProperty("perf.warmup", "1s"));
    private final Duration measure = Duration.parse("PT" + System.getProperty("perf.measure", "2s"));
    private final Duration downloadWarmup = Duration.parse("PT" + System.getProperty("perf.downloadWarmup", "0s"));
    private final Duration downloadMeasure = Duration.parse("PT" + System.getProperty("perf.downloadMeasure", "0.5s"));
    private final int users = Integer.getInteger("perf.users", 2);
    private final int members = Integer.getInteger("perf.members", 20);
    private final int bookingAttempts = Integer.getInteger("perf.bookingAttempts", 40);
    private final int bookingSlots = Integer.getInteger("perf.bookingSlots", 5);
    private final int startupRounds = Integer.getInteger("perf.startupRounds", 3);
    private final Path dir = Path.of(System.getProperty("perf.dir", "target/perf"));
    private final CoreSplit cores = CoreSplit.fromSystemProperties();
    private final List<Measurement> measurements = new ArrayList<>();
    private final PortalProcess mongo;
    private final List<OwnPhases.Phases> ownPhases = new ArrayList<>();
    private final DirectoryPortal portal;
    private final BookingPortal bookings;
    private final List<StartupFigure> startups;

    public PortalSimulation() {
        List<BenchmarkScenario> scenarios = Scenarios.forRun(run);
        try {
            Files.deleteIfExists(dir.resolve("run.json"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        List<StartupFigure> sideBySide = StartupMemory.NAME.equals(run)
                ? ServiceStartups.measure(dir, startupRounds) : List.of();
        cores.pinThisJvm();
        Set<DirectoryPortal.Part> parts = EnumSet.noneOf(DirectoryPortal.Part.class);
        scenarios.forEach(scenario -> parts.addAll(scenario.parts()));
        mongo = DirectoryPortal.mongo(dir, parts);
        // the portals' processes start side by side, on every CPU
        CompletableFuture<DirectoryPortal> directory = parts.isEmpty() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> DirectoryPortal.start(cores, dir,
                        Path.of(System.getProperty("perf.profileJar")), members, parts, mongo));
        CompletableFuture<BookingPortal> booking = scenarios.stream().anyMatch(BookingContention.class::isInstance)
                ? CompletableFuture.supplyAsync(() -> BookingPortal.start(cores, dir, bookingAttempts, mongo))
                : CompletableFuture.completedFuture(null);
        try {
            CompletableFuture.allOf(directory, booking).exceptionally(ignored -> null).join();
            portal = directory.join();
            bookings = booking.join();
            startups = !sideBySide.isEmpty() ? sideBySide : Stream.concat(
                    portal == null ? Stream.empty() : portal.startups().stream(),
                    bookings == null ? Stream.empty() : bookings.startups().stream()).toList();
            chainPhases(scenarios);
        }
        catch (RuntimeException ex) {
            ownPhases.forEach(OwnPhases.Phases::close);
            directory.thenAccept(started -> {
                if (started != null) {
                    started.close();
                }
            });
            booking.thenAccept(started -> {
                if (started != null) {
                    started.close();
                }
            });
            mongo.stop();
            throw ex;
        }
    }

    private void chainPhases(List<BenchmarkScenario> scenarios) {
        List<PopulationBuilder> steps = new ArrayList<>();
        List<Map<String, Object>> tokens = portal == null ? List.of() : portal.memberTokens().stream()
                .map(token -> Map.<String, Object>of("bearer", "Bearer " + token)).toList();
        for (BenchmarkScenario scenario : scenarios) {
            if (scenario instanceof BookingContention) {
                steps.addAll(bookingBursts());
                continue;
            }
            if (scenario instanceof OwnPhases own) {
                OwnPhases.Phases phases = own.start(portal, cores, dir, warmup, measure);
                ownPhases.add(phases);
                steps.addAll(phases.populations());
                continue;
            }
            List<Arm> arms = scenario.arms(portal);
            for (Arm arm : arms) {
                if (arm.transfer() == null || !downloadWarmup.isZero()) {
                    steps.add(population("warm-up " + Measurement.requestName(scenario.name(), arm.label()), arm,
                            tokens, arm.transfer() == null ? warmup : downloadWarmup, null));
                }
            }
            for (Arm arm : arms) {
                Measurement measurement = new Measurement(scenario.name(), arm, portal.processes(),
                        portal::keycloakRequests);
                measurements.add(measurement);
                steps.add(population(measurement.requestName(), arm, tokens,
                        arm.transfer() == null ? measure : downloadMeasure, measurement));
            }
        }
        PopulationBuilder chain = steps.getLast();
        for (int i = steps.size() - 2; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
        }
        HttpProtocolBuilder protocol = http.disableWarmUp().disableCaching().acceptHeader("application/json");
        setUp(chain).protocols(protocol).assertions(global().failedRequests().count().is(0L));
    }

    /**
     * Scenario 3: a warm-up burst on one expert's slots, then the measured burst on another's, each of
     * {@code bookingAttempts} attempts at once on {@code bookingSlots} slots; afterwards the measured expert's slots
     * are read back from the database and the API, for {@link BookingContention}'s check.
     */
    private List<PopulationBuilder> bookingBursts() {
        BookingPortal.Expert warmUpExpert = bookings.expertWithSlots("Warm-up Expert", bookingSlots);
        BookingPortal.Expert expert = bookings.expertWithSlots("Contended Expert", bookingSlots);
        Arm arm = BookingContention.arm(bookings, bookingAttempts, bookingSlots);
        Measurement measurement = new Measurement(BookingContention.NAME, arm, bookings.processes(),
                bookings::keycloakRequests, () -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put(BookingContention.ATTEMPTS, (long) bookingAttempts);
            counts.put(BookingContention.SLOTS, (long) bookingSlots);
            counts.putAll(bookings.held(expert));
            return counts;
        });
        measurements.add(measurement);
        return List.of(burst("warm-up " + measurement.requestName(), bookings.attempts(warmUpExpert, bookingAttempts),
                null), burst(measurement.requestName(), bookings.attempts(expert, bookingAttempts), measurement));
    }

    /**
     * Every attempt at once, one virtual user each: a booking's POST, which must answer 201 or 409. In the measured
     * burst each answer is told apart: booked (201), refused (409 with a problem detail, counted by its type), or a
     * failure. The attempts queue in the instances, which share one core: on a busy machine the last answers of
     * a thousand come minutes later, so an attempt waits up to {@link #BURST_TIMEOUT} (Gatling's default is 60 s)
     * rather than being counted as failed for the load of other programs.
     */
    private PopulationBuilder burst(String name, List<Map<String, Object>> attempts, Measurement measurement) {
        ChainBuilder attempt = exec(http(name).post("#{url}")
                .header("Authorization", "#{bearer}")
                .header("Accept", "application/json, application/problem+json")
                .body(StringBody("#{body}")).asJson().requestTimeout(BURST_TIMEOUT)
                .check(status().saveAs("status"), responseTimeInMillis().saveAs("responseMillis"),
                        header("Content-Type").saveAs("contentType"), jsonPath("$.type").optional()
                                .saveAs("problemType"), status().in(201, 409)));
        if (measurement != null) {
            attempt = exec(session -> {
                measurement.userStarted();
                return session;
            }).exec(attempt).exec(session -> {
                recordAttempt(measurement, session);
                measurement.userFinished();
                return session;
            });
        }
        return scenario(name).feed(listFeeder(attempts).queue()).exec(attempt)
                .injectOpen(atOnceUsers(attempts.size()));
    }

    private static void recordAttempt(Measurement measurement, Session session) {
        int status = session.contains("status") ? session.getInt("status") : -1;
        Long millis = session.contains("responseMillis") ? session.getLong("responseMillis") : null;
        boolean problem = session.contains("contentType")
                && session.getString("contentType").startsWith("application/problem+json");
        if (status == 201) {
            measurement.record(BookingContention.BOOKED, millis);
        }
        else if (status == 409 && problem && session.contains("problemType")) {
            measurement.record(BookingContention.REFUSED, millis);
            String type = session.getString("problemType");
            measurement.count(BookingContention.CONFLICT + type.substring(type.lastIndexOf(':') + 1));
        }
        else {
            measurement.record(null);
            measurement.count(status == 409 ? "409 without a problem detail" : "status " + status);
        }
    }

    /**
     * {@code users} users (a download's own number), each with a member's token (a download's own token), sending the
     * arm's request in a loop for {@code length}; a download's warm-up begins with a request whose body's MD5 is
     * checked (without a warm-up, as in the smoke run, each user's measured phase does, before it opens).
     */
    private PopulationBuilder population(String name, Arm arm, List<Map<String, Object>> tokens, Duration length,
                                         Measurement measurement) {
        Arm.Transfer transfer = arm.transfer();
        ChainBuilder read = exec(request(name, arm, transfer == null || transfer.ranges() == null ? null : "#{range}")
                .check(responseTimeInMillis().saveAs("responseMillis")));
        if (measurement != null) {
            read = exec(session -> session.remove("responseMillis")).exec(read).exec(session -> {
                measurement.record(session.isFailed() || !session.contains("responseMillis") ? null
                        : session.getLong("responseMillis"));
                return session.markAsSucceeded();
            });
        }
        // exitASAP off: the iteration under way at the deadline ends with its request recorded, as the phase counts it
        ChainBuilder loop = length.isZero() ? exec(session -> session) : during(length, false).on(read);
        if (measurement != null) {
            loop = exec(session -> {
                measurement.userStarted();
                return session;
            }).exec(loop).exec(session -> {
                measurement.userFinished();
                return session;
            });
        }
        if (transfer == null) {
            return scenario(name).feed(listFeeder(tokens).circular()).exec(loop).injectOpen(atOnceUsers(users));
        }
        if (measurement == null || downloadWarmup.isZero()) {
            loop = exec(request("checked " + name, arm, transfer.verifiedRange()).check(md5().is(transfer.md5())))
                    .exec(loop);
        }
        ScenarioBuilder downloads = scenario(name);
        if (transfer.ranges() != null) {
            downloads = downloads.feed(listFeeder(transfer.ranges().stream()
                    .map(range -> Map.<String, Object>of("range", range)).toList()).random());
        }
        return downloads.exec(loop).injectOpen(atOnceUsers(transfer.users()));
    }

    /**
     * The arm's request: a read with the user's member token, answered 200; or a download with its own token (and
     * {@code range}, when not null), answered with the transfer's status and length.
     */
    private static HttpRequestActionBuilder request(String name, Arm arm, String range) {
        Arm.Transfer transfer = arm.transfer();
        HttpRequestActionBuilder request = http(name).get(arm.baseUrl() + arm.path());
        if (transfer == null) {
            return request.header("Authorization", "#{bearer}").check(status().is(200));
        }
        request = request.header("Authorization", "Bearer " + transfer.token()).header("Accept", "*/*");
        if (range != null) {
            request = request.header("Range", range);
        }
        return request.check(status().is(transfer.status()),
                header("Content-Length").is(Long.toString(transfer.bytes())));
    }

    @Override
    public void after() {
        try {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("scenario", run);
            record.put("cores", cores.describe());
            record.put("warmup", warmup.toString());
            record.put("measure", measure.toString());
            if (measurements.stream().anyMatch(Measurement::isDownload)) {
                record.put("downloads", Map.of("warmup", downloadWarmup.toString(), "measure",
                        downloadMeasure.toString(), "users", Integer.getInteger("perf.downloadUsers", 2)));
            }
            record.put("users", users);
            record.put("members", members);
            record.put("bookingAttempts", bookingAttempts);
            record.put("bookingSlots", bookingSlots);
            record.put("loadGeneratorJvm",
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            List<Map<String, Object>> arms = new ArrayList<>(measurements.stream().map(Measurement::record).toList());
            ownPhases.forEach(phases -> arms.addAll(phases.records()));
            record.put("arms", arms);
            record.put("startups", startups.stream().map(StartupFigure::record).toList());
            record.put("startedHow", StartupMemory.NAME.equals(run)
                    ? "each service alone on every CPU, " + (startupRounds == 1 ? "1 round"
                    : startupRounds + " rounds, medians")
                    : startups.stream().map(StartupFigure::service).collect(Collectors.joining(", "))
                    + " together on every CPU");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("run.json"),
                    JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(record));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            ownPhases.forEach(OwnPhases.Phases::close);
            if (portal != null) {
                portal.close();
            }
            if (bookings != null) {
                bookings.close();
            }
            mongo.stop();
        }
    }
}
