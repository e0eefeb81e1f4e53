package com.brandcluster.perf.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.brandcluster.perf.driver.AssetDownloads;
import com.brandcluster.perf.driver.DirectoryPortal;
import com.brandcluster.perf.driver.PortalProcess;

import static com.brandcluster.perf.scenario.BenchmarkScenario.millis;
import static com.brandcluster.perf.scenario.BenchmarkScenario.ratio;
import static com.brandcluster.perf.scenario.GatewayOverhead.holds;

/**
 * Scenario 5, downloads: an asset's file, the cluster's brand kit (a zip of every published asset) and ranges of the
 * asset at random offsets, each downloaded through the gateway (branding-assets-service behind it: token checked
 * twice, entitlement, download record, validators, the zip written on the fly) and from the reference, the simplest
 * handler that reads the same GridFS files of the same MongoDB ({@code GridFsReferenceMain}): the asset's file, the
 * kit's files one after the other (the kit without its zip headers and manifest, about 2 KB), the same ranges.
 * Targets: throughput (bytes per second) at least {@value #RATIO}x the reference's, for ranges as for whole files;
 * heap growth of the service and of the gateway during each download arm under {@value #HEAP_MIB} MB, with MongoDB in
 * its own process. CPU time per download by process beside every figure, and the throughput one core would give if
 * the arm's processes had it to themselves (other programs share the machine's cores).
 */
final class Downloads implements BenchmarkScenario {

    static final String NAME = "downloads";
    private static final double RATIO = 0.7;
    private static final int HEAP_MIB = 64;
    private static final double MIB = 1024 * 1024;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<DirectoryPortal.Part> parts() {
        return EnumSet.of(DirectoryPortal.Part.DOWNLOADS);
    }

    @Override
    public List<Arm> arms(DirectoryPortal portal) {
        AssetDownloads assets = portal.assets();
        String token = assets.secretariatToken();
        int users = Integer.getInteger("perf.downloadUsers", 2);
        String reference = assets.reference().baseUrl();
        String gateway = portal.gateway().baseUrl();
        List<PortalProcess> byReference = List.of(assets.reference(), portal.mongo());
        List<PortalProcess> viaGateway = List.of(portal.gateway(), assets.service(), portal.mongo());
        AssetDownloads.Download asset = assets.asset();
        AssetDownloads.Download kit = assets.kit();
        long range = assets.sizes().rangeBytes();
        return List.of(
                whole("asset, reference", reference, assets.referenceAsset(), byReference, token, users),
                whole("asset via gateway", gateway, asset, viaGateway, token, users),
                whole("kit, reference", reference, assets.referenceKit(), byReference, token, users),
                whole("kit via gateway", gateway, kit, viaGateway, token, users),
                new Arm("ranges, reference", reference, assets.referenceAsset().path(), byReference,
                        new Arm.Transfer(token, 206, range, assets.ranges(), assets.verifiedRange(),
                                assets.verifiedRangeMd5(), users)),
                new Arm("ranges via gateway", gateway, asset.path(), viaGateway,
                        new Arm.Transfer(token, 206, range, assets.ranges(), assets.verifiedRange(),
                                assets.verifiedRangeMd5(), users)));
    }

    private static Arm whole(String label, String baseUrl, AssetDownloads.Download download,
                             List<PortalProcess> servedBy, String token, int users) {
        return new Arm(label, baseUrl, download.path(), servedBy,
                new Arm.Transfer(token, 200, download.bytes(), null, null, download.md5(), users));
    }

    @Override
    public List<TableRow> rows(List<ArmFigures> figures) {
        List<TableRow> rows = new ArrayList<>();
        rows.addAll(pair("asset", figures.get(0), figures.get(1)));
        rows.addAll(pair("kit", figures.get(2), figures.get(3)));
        rows.addAll(pair("ranges", figures.get(4), figures.get(5)));
        return rows;
    }

    private static List<TableRow> pair(String what, ArmFigures reference, ArmFigures gateway) {
        String measure = String.format("%s, %s per download", what, megabytes(gateway.bytesPerRequest()));
        double throughputRatio = gateway.mibPerSecond() / reference.mibPerSecond();
        String cpu = millis(reference.cpuPerRequest()) + " -> " + millis(gateway.cpuPerRequest());
        List<String> heap = new ArrayList<>();
        boolean heapHolds = true;
        for (Map.Entry<String, Long> growth : gateway.oldGeneration().entrySet()) {
            heap.add(String.format("%s %+.0f", growth.getKey(), growth.getValue() / 1024.0));
            heapHolds &= growth.getValue() / 1024.0 < HEAP_MIB;
        }
        String rss = gateway.rssGrowth().entrySet().stream()
                .filter(e -> gateway.oldGeneration().containsKey(e.getKey()))
                .map(e -> String.format("%s %+.0f", e.getKey(), e.getValue() / 1024.0))
                .collect(Collectors.joining(", "));
        return List.of(
                new TableRow(NAME, measure + ": throughput (MB/s)",
                        String.format("%.1f reference", reference.mibPerSecond()),
                        String.format("%.1f via gateway", gateway.mibPerSecond()),
                        ratio(gateway.mibPerSecond(), reference.mibPerSecond()),
                        ">= " + RATIO + "x: " + holds(throughputRatio >= RATIO), cpu),
                new TableRow(NAME, measure + ": CPU-bound capacity (MB/s per core)",
                        String.format("%.0f reference", capacity(reference)),
                        String.format("%.0f via gateway", capacity(gateway)),
                        ratio(capacity(gateway), capacity(reference)), "", cpu),
                new TableRow(NAME, measure + ": CPU ms per download by process", byProcess(reference),
                        byProcess(gateway), "", "reported", cpu),
                new TableRow(NAME, measure + ": heap (old generation) growth during the arm (MB)", "",
                        String.join(", ", heap) + "; RSS " + rss, "",
                        "< " + HEAP_MIB + " MB: " + holds(heapHolds), ""));
    }

    /**
     * What one core would serve if the arm's processes had it to themselves (as {@link BenchmarkScenario#capacity},
     * in bytes): it holds when other programs take more of the portal's core during one arm than the other.
     */
    private static double capacity(ArmFigures figures) {
        return 1000 / figures.cpuPerRequest() * figures.bytesPerRequest() / MIB;
    }

    private static String byProcess(ArmFigures figures) {
        return figures.servedBy().stream().map(process -> process + " " + millis(figures.cpuPerRequest(process)))
                .collect(Collectors.joining(", "));
    }

    private static String megabytes(long bytes) {
        double mib = bytes / MIB;
        return mib >= 10 ? String.format("%.0f MB", mib) : String.format("%.1f MB", mib);
    }
}
