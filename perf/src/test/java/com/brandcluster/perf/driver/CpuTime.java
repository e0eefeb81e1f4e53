package com.brandcluster.perf.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CPU time a process has used so far (user plus system, every thread), from {@code /proc/<pid>/stat}: fields 14
 * and 15, in clock ticks of {@code getconf CLK_TCK} (100 per second on Linux), so 10 ms is the resolution.
 */
public final class CpuTime {

    private static final long TICKS_PER_SECOND = clockTicks();

    private CpuTime() {
    }

    public static Duration of(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the CPU time of process " + pid, ex);
        }
        // the command name (field 2) is in parentheses and may hold spaces: count fields after its closing one
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Duration.ofNanos(ticks * 1_000_000_000L / TICKS_PER_SECOND);
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 && !out.isEmpty() ? Long.parseLong(out) : 100;
        }
        catch (IOException | NumberFormatException ex) {
            return 100;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
