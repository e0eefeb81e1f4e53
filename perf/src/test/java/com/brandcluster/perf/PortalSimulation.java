package com.brandcluster.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.brandcluster.perf.driver.CoreSplit;
import com.brandcluster.perf.driver.DirectoryPortal;
import com.brandcluster.perf.driver.ServiceStartups;
import com.brandcluster.perf.driver.StartupFigure;
import com.brandcluster.perf.scenario.Arm;
import com.brandcluster.perf.scenario.BenchmarkScenario;
import com.brandcluster.perf.scenario.OwnPhases;
import com.brandcluster.perf.scenario.Scenarios;
import com.brandcluster.perf.scenario.StartupMemory;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import tools.jackson.databind.json.JsonMapper;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Runs the scenarios of {@code -Dscenario} (one, or every one for {@code smoke}) against one {@link DirectoryPortal}:
 * for each scenario, every arm is warmed up ({@code -Dperf.warmup}) and then every arm measured
 * ({@code -Dperf.measure}), one after the other, each by {@code -Dperf.users} virtual users that send the read in a
 * loop (a closed model: the same concurrency on every arm), each user with the token of a member of its own. This JVM
 * is the load generator, pinned to the load CPUs ({@link CoreSplit}). Each measured phase's requests, response times,
 * CPU times and Keycloak requests go to {@code <perf.dir>/run.json}, from which {@link BenchmarkTable} prints the
 * table; Gatling's own HTML report is written beside it, for a closer look. The record holds the services' starts
 * too: for {@value StartupMemory#NAME}, every service started three ways side by side before anything else
 * ({@link ServiceStartups}, on every CPU); otherwise the starts of the portal's own processes.
 */
public class PortalSimulation extends Simulation {

    private final String run = System.getProperty("scenario", Scenarios.SMOKE);
    private final Duration warmup = Duration.parse("PT" + System.getProperty("perf.warmup", "1s"));
    private final Duration measure = Duration.parse("PT" + System.getProperty("perf.measure", "2s"));
    private final int users = Integer.getInteger("perf.users", 2);
    private final int members = Integer.getInteger("perf.members", 20);
    private final int startupRounds = Integer.getInteger("perf.startupRounds", 3);
    private final Path dir = Path.of(System.getProperty("perf.dir", "target/perf"));
    private final CoreSplit cores = CoreSplit.fromSystemProperties();
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<OwnPhases.Phases> ownPhases = new ArrayList<>();
    private final DirectoryPortal portal;
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
        portal = DirectoryPortal.start(cores, dir, Path.of(System.getProperty("perf.profileJar")), members);
        startups = sideBySide.isEmpty() ? portal.startups() : sideBySide;
        try {
            chainPhases(scenarios);
        }
        catch (RuntimeException ex) {
            ownPhases.forEach(OwnPhases.Phases::close);
            portal.close();
            throw ex;
        }
    }

    private void chainPhases(List<BenchmarkScenario> scenarios) {
        List<PopulationBuilder> steps = new ArrayList<>();
        List<Map<String, Object>> tokens = portal.memberTokens().stream()
                .map(token -> Map.<String, Object>of("bearer", "Bearer " + token)).toList();
        for (BenchmarkScenario scenario : scenarios) {
            if (scenario instanceof OwnPhases own) {
                OwnPhases.Phases phases = own.start(portal, cores, dir, warmup, measure);
                ownPhases.add(phases);
                steps.addAll(phases.populations());
                continue;
            }
            List<Arm> arms = scenario.arms(portal);
            for (Arm arm : arms) {
                steps.add(population("warm-up " + Measurement.requestName(scenario.name(), arm.label()), arm, tokens,
                        warmup, null));
            }
            for (Arm arm : arms) {
                Measurement measurement = new Measurement(scenario.name(), arm, portal.processes(),
                        portal::keycloakRequests);
                measurements.add(measurement);
                steps.add(population(measurement.requestName(), arm, tokens, measure, measurement));
            }
        }
        PopulationBuilder chain = steps.getLast();
        for (int i = steps.size() - 2; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
        }
        HttpProtocolBuilder protocol = http.disableWarmUp().disableCaching().acceptHeader("application/json");
        setUp(chain).protocols(protocol).assertions(global().failedRequests().count().is(0L));
    }

    /** {@code users} users, each with a member's token, sending the arm's read in a loop for {@code length}. */
    private PopulationBuilder population(String name, Arm arm, List<Map<String, Object>> tokens, Duration length,
                                         Measurement measurement) {
        ChainBuilder read = exec(http(name).get(arm.baseUrl() + arm.path())
                .header("Authorization", "#{bearer}")
                .check(responseTimeInMillis().saveAs("responseMillis"), status().is(200)));
        if (measurement != null) {
            read = exec(session -> session.remove("responseMillis")).exec(read).exec(session -> {
                measurement.record(session.isFailed() || !session.contains("responseMillis") ? null
                        : session.getLong("responseMillis"));
                return session.markAsSucceeded();
            });
        }
        ChainBuilder loop = during(length).on(read);
        if (measurement != null) {
            loop = exec(session -> {
                measurement.userStarted();
                return session;
            }).exec(loop).exec(session -> {
                measurement.userFinished();
                return session;
            });
        }
        return scenario(name).feed(listFeeder(tokens).circular()).exec(loop).injectOpen(atOnceUsers(users));
    }

    @Override
    public void after() {
        try {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("scenario", run);
            record.put("cores", cores.describe());
            record.put("warmup", warmup.toString());
            record.put("measure", measure.toString());
            record.put("users", users);
            record.put("members", members);
            record.put("loadGeneratorJvm",
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            List<Map<String, Object>> arms = new ArrayList<>(measurements.stream().map(Measurement::record).toList());
            ownPhases.forEach(phases -> arms.addAll(phases.records()));
            record.put("arms", arms);
            record.put("startups", startups.stream().map(StartupFigure::record).toList());
            record.put("startedHow", StartupMemory.NAME.equals(run)
                    ? "each service alone on every CPU, " + (startupRounds == 1 ? "1 round"
                    : startupRounds + " rounds, medians")
                    : "membership-service twice and the gateway together on every CPU");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("run.json"),
                    JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(record));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            ownPhases.forEach(OwnPhases.Phases::close);
            portal.close();
        }
    }
}
