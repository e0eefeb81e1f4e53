package com.brandcluster.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.brandcluster.perf.driver.DirectoryPortal;
import com.brandcluster.perf.driver.StartupFigure;
import com.brandcluster.perf.scenario.ArmFigures;
import com.brandcluster.perf.scenario.BookingContention;
import com.brandcluster.perf.scenario.Scenarios;
import com.brandcluster.perf.scenario.StartupMemory;
import com.brandcluster.perf.scenario.TableRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the table of the last run and writes it to {@code target/perf/table.md}, from the simulation's record
 * ({@code target/perf/run.json}: each measured phase's requests, response time percentiles, CPU times and Keycloak
 * requests; the services' starts) and, below it, the table of the starts ({@link StartupMemory#startupTable}). Fails
 * when the run is incomplete (nothing measured, an arm without requests, a failed request, no start timed): the
 * harness is broken then. It never fails on a figure.
 */
public final class BenchmarkTable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BenchmarkTable() {
    }

    public static void main(String[] args) throws IOException {
        Path perf = Path.of(args.length > 0 ? args[0] : "target").resolve("perf");
        JsonNode run = JSON.readTree(perf.resolve("run.json").toFile());
        Map<String, List<ArmFigures>> figures = new LinkedHashMap<>();
        for (JsonNode arm : run.get("arms")) {
            figures.computeIfAbsent(arm.get("scenario").asString(), ignored -> new ArrayList<>()).add(figures(arm));
        }
        if (figures.isEmpty()) {
            throw new IllegalStateException("The run measured nothing: " + perf.resolve("run.json"));
        }
        List<TableRow> rows = new ArrayList<>();
        figures.forEach((scenario, arms) -> rows.addAll(Scenarios.byName(scenario).rows(arms)));
        List<StartupFigure> startups = new ArrayList<>();
        for (JsonNode start : run.get("startups")) {
            startups.add(new StartupFigure(start.get("service").asString(), start.get("mode").asString(),
                    start.get("round").asInt(), start.get("readyMillis").asLong(), start.get("rssIdleKib").asLong()));
        }
        if (startups.isEmpty()) {
            throw new IllegalStateException("The run timed no start: " + perf.resolve("run.json"));
        }
        String table = markdown(run, rows) + "\n" + StartupMemory.startupTable(startups,
                run.get("startedHow").asString());
        for (String scenario : figures.keySet()) {
            String details = Scenarios.byName(scenario).details(run);
            table += details.isEmpty() ? "" : "\n" + details;
        }
        System.out.println(table);
        Files.writeString(perf.resolve("table.md"), table);
    }

    private static ArmFigures figures(JsonNode arm) {
        String request = arm.get("request").asString();
        long requests = arm.get("requests").asLong();
        long failed = arm.get("failed").asLong();
        if (requests == 0 || failed > 0) {
            throw new IllegalStateException(request + ": " + requests + " requests, " + failed + " failed "
                    + arm.path("counts"));
        }
        Map<String, Double> cpu = new HashMap<>();
        arm.get("cpuMillis").properties().forEach(e -> cpu.put(e.getKey(), e.getValue().asDouble()));
        List<String> servedBy = new ArrayList<>();
        arm.get("servedBy").forEach(name -> servedBy.add(name.asString()));
        Map<String, ArmFigures.Outcome> outcomes = new LinkedHashMap<>();
        arm.path("outcomes").properties().forEach(e -> outcomes.put(e.getKey(), new ArmFigures.Outcome(
                e.getValue().get("requests").asLong(), e.getValue().get("medianMillis").asDouble(),
                e.getValue().get("p99Millis").asDouble())));
        double seconds = arm.get("durationMillis").asLong() / 1000.0;
        return new ArmFigures(arm.get("arm").asString(), requests, failed, requests / seconds,
                arm.get("medianMillis").asDouble(), arm.get("p99Millis").asDouble(), cpu, servedBy,
                arm.get("keycloakRequests").asInt(), longs(arm.get("rssKib")), outcomes, longs(arm.path("counts")),
                arm.path("bytesPerRequest").asLong(0), longs(arm.path("oldGenerationGrowthKib")),
                longs(arm.path("rssGrowthKib")));
    }

    private static Map<String, Long> longs(JsonNode byName) {
        Map<String, Long> longs = new LinkedHashMap<>();
        byName.properties().forEach(e -> longs.put(e.getKey(), e.getValue().asLong()));
        return longs;
    }

    private static String markdown(JsonNode run, List<TableRow> rows) {
        StringBuilder table = new StringBuilder();
        List<String> scenarios = rows.stream().map(TableRow::scenario).distinct().toList();
        table.append("Run: ").append(run.get("scenario").asString());
        if (scenarios.stream().anyMatch(s -> Scenarios.byName(s).parts().contains(DirectoryPortal.Part.DIRECTORY))) {
            table.append(", ").append(run.get("users").asInt()).append(" concurrent users per arm, warm-up ")
                    .append(run.get("warmup").asString()).append(" and measurement ")
                    .append(run.get("measure").asString()).append(" per arm, ").append(run.get("members").asInt())
                    .append(" members");
        }
        if (scenarios.contains(BookingContention.NAME)) {
            table.append(", ").append(run.get("bookingAttempts").asInt()).append(" booking attempts at once on ")
                    .append(run.get("bookingSlots").asInt()).append(" slots after a warm-up burst of as many");
        }
        table.append("; ").append(run.get("cores").asString()).append(".");
        JsonNode downloads = run.path("downloads");
        if (downloads.isObject()) {
            table.append(" Downloads: ").append(downloads.get("users").asInt()).append(" concurrent users per arm, ")
                    .append("warm-up ").append(downloads.get("warmup").asString()).append(" (after one download ")
                    .append("whose MD5 is checked) and measurement ").append(downloads.get("measure").asString())
                    .append(" per arm.");
        }
        table.append("\n\n");
        table.append("| scenario | measure | reference | figure | ratio | target "
                + "| CPU ms/request (reference -> figure) |\n");
        table.append("|---|---|---|---|---|---|---|\n");
        for (TableRow row : rows) {
            table.append("| ").append(String.join(" | ", row.scenario(), row.measure(), row.reference(),
                    row.figure(), row.ratio(), row.target(), row.cpu())).append(" |\n");
        }
        return table.toString();
    }
}
