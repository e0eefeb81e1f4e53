package com.brandcluster.perf.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the machine's cores are split between the load generator (this JVM) and the portal (every process the driver
 * starts: the services, the gateway, MongoDB): {@code -Dperf.loadCpus} and {@code -Dperf.portalCpus}, CPU lists as
 * {@code taskset} takes them, by default core 0 for the load and core 1 for the portal. Pinning is done with
 * {@code taskset}; where it is missing, nothing is pinned and {@link #describe()} says so. The portal's processes
 * start on every CPU ({@link #onEveryCpu}) and are pinned once ready.
 */
public record CoreSplit(String loadCpus, String portalCpus, boolean pinned) {

    private static final boolean TASKSET = tasksetAvailable();
    private static final String ONLINE_CPUS = onlineCpus();

    public static CoreSplit fromSystemProperties() {
        int cores = Runtime.getRuntime().availableProcessors();
        String load = System.getProperty("perf.loadCpus", "0");
        String portal = System.getProperty("perf.portalCpus", cores > 1 ? "1" : "0");
        return new CoreSplit(load, portal, TASKSET);
    }

    /** Pins every thread of this JVM (the load generator) to the load CPUs; threads started later inherit it. */
    public void pinThisJvm() {
        if (pinned) {
            run(List.of("taskset", "-a", "-p", "-c", loadCpus, Long.toString(ProcessHandle.current().pid())));
        }
    }

    /**
     * Pins every thread of a portal process to the portal CPUs. The driver does it once the process is ready: it
     * starts on every core, which makes starting several services at once much shorter, and is measured on its own.
     */
    public void pinPortalProcess(long pid) {
        if (pinned) {
            run(List.of("taskset", "-a", "-p", "-c", portalCpus, Long.toString(pid)));
        }
    }

    /**
     * {@code command} started on every online CPU: a process inherits the CPUs of the thread that starts it, and this
     * JVM may have pinned itself to the load CPUs already.
     */
    static List<String> onEveryCpu(List<String> command) {
        if (!TASKSET) {
            return command;
        }
        List<String> unpinned = new ArrayList<>(List.of("taskset", "-c", ONLINE_CPUS));
        unpinned.addAll(command);
        return unpinned;
    }

    public String describe() {
        return pinned
                ? "load generator on CPU " + loadCpus + ", portal (services, gateway, MongoDB) on CPU " + portalCpus
                : "not pinned (no taskset): load generator and portal share every CPU";
    }

    private static String onlineCpus() {
        try {
            return Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
        }
        catch (IOException ex) {
            return "0-" + (Runtime.getRuntime().availableProcessors() - 1);
        }
    }

    private static boolean tasksetAvailable() {
        try {
            return new ProcessBuilder("taskset", "-V").redirectErrorStream(true).start().waitFor() == 0;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
