package com.brandcluster.perf.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.brandcluster.perf.driver.DirectoryPortal;
import com.brandcluster.perf.driver.StartupFigure;

import static com.brandcluster.perf.scenario.GatewayOverhead.holds;

/**
 * Scenario 6, startup and memory: each service's time to ready and resident memory idle, started from its jar plainly,
 * with a class data sharing archive and with the JDK's AOT cache, side by side ({@code ServiceStartups}); and
 * membership-service's memory under the directory read. Targets: ready within {@value #READY_SECONDS} s, under
 * {@value #RSS_MIB} MB idle; CDS and the AOT cache at least 30% faster to ready than the plain jar. The smoke run
 * starts nothing more: it reports the processes it starts anyway.
 */
public final class StartupMemory implements BenchmarkScenario {

    public static final String NAME = "startup-memory";
    static final int READY_SECONDS = 8;
    static final int RSS_MIB = 350;
    private static final double FASTER = 0.7;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Arm> arms(DirectoryPortal portal) {
        return List.of(new Arm("directory read", portal.membership().baseUrl(), DirectoryPortal.directoryPage(),
                List.of(portal.membership(), portal.mongo())));
    }

    @Override
    public List<TableRow> rows(List<ArmFigures> figures) {
        ArmFigures load = figures.getFirst();
        double rss = load.rssMib("membership-service");
        return List.of(new TableRow(NAME, "membership-service RSS under load (MB)", "",
                String.format("%.0f after %.0f req/s", rss, load.throughput()), "",
                "reported (the " + RSS_MIB + " MB target is idle)", BenchmarkScenario.millis(load.cpuPerRequest())));
    }

    /**
     * The table of the starts: per service, the median over the rounds of each way's time to ready and idle memory,
     * each way's ratio to the plain jar, and the targets; {@code how} says how they were started.
     */
    public static String startupTable(List<StartupFigure> startups, String how) {
        Map<String, Map<String, List<StartupFigure>>> byService = startups.stream().collect(Collectors.groupingBy(
                StartupFigure::service, LinkedHashMap::new,
                Collectors.groupingBy(StartupFigure::mode, LinkedHashMap::new, Collectors.toList())));
        List<String> modes = startups.stream().map(StartupFigure::mode).distinct().toList();
        String ways = String.join(" / ", modes);
        StringBuilder table = new StringBuilder();
        table.append("Starts: ").append(how).append("; time to ready from the start of the process to the readiness ")
                .append("group's first 200.\n\n");
        table.append("| service | time to ready (s): ").append(ways).append(" | ratio to ").append(modes.getFirst())
                .append(" | RSS idle (MB): ").append(ways).append(" | target |\n|---|---|---|---|---|\n");
        byService.forEach((service, byMode) -> {
            List<Double> ready = new ArrayList<>();
            List<Double> rss = new ArrayList<>();
            byMode.values().forEach(figures -> {
                ready.add(median(figures.stream().mapToDouble(f -> f.readyMillis() / 1000.0).toArray()));
                rss.add(median(figures.stream().mapToDouble(f -> f.rssIdleKib() / 1024.0).toArray()));
            });
            List<String> ratios = new ArrayList<>();
            List<String> faster = new ArrayList<>();
            List<String> inTime = new ArrayList<>();
            List<String> mode = List.copyOf(byMode.keySet());
            for (int i = 0; i < mode.size(); i++) {
                inTime.add(mode.get(i) + " " + holds(ready.get(i) <= READY_SECONDS));
                if (i > 0) {
                    double ratio = ready.get(i) / ready.getFirst();
                    ratios.add(String.format("%.2fx", ratio));
                    faster.add(mode.get(i) + " " + holds(ratio <= FASTER));
                }
            }
            String target = "ready <= " + READY_SECONDS + " s: " + String.join(", ", inTime) + "; RSS < " + RSS_MIB
                    + " MB: " + holds(rss.stream().allMatch(r -> r < RSS_MIB))
                    + (faster.isEmpty() ? "" : "; >= 30% faster: " + String.join(", ", faster));
            table.append("| ").append(String.join(" | ", service, format(ready, "%.2f"), String.join(" / ", ratios),
                    format(rss, "%.0f"), target)).append(" |\n");
        });
        return table.toString();
    }

    private static String format(List<Double> values, String format) {
        return values.stream().map(v -> String.format(format, v)).collect(Collectors.joining(" / "));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
