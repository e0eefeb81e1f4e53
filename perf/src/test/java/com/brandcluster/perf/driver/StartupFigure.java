package com.brandcluster.perf.driver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One start of one service: how long it took to be ready and how much memory it held once ready, before any request.
 *
 * @param service    the service, e.g. {@code membership-service}
 * @param mode       how it was started: {@link ServiceStartups.Mode#label()}, or how the smoke run started it
 * @param round      which of the side-by-side rounds (1 for the smoke run)
 * @param readyMillis from the start of the process to its readiness group's first answer 200
 * @param rssIdleKib resident memory a moment after ready ({@code VmRSS}), in KiB
 */
public record StartupFigure(String service, String mode, int round, long readyMillis, long rssIdleKib) {

    /** Waits {@code settle} milliseconds after {@code process} was ready, then reads its memory. */
    static StartupFigure of(PortalProcess process, String service, String mode, int round, long settle) {
        try {
            Thread.sleep(settle);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        return new StartupFigure(service, mode, round, process.timeToReady().toMillis(), process.rssKib());
    }

    /** The figure as the run's record holds it. */
    public Map<String, Object> record() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("service", service);
        record.put("mode", mode);
        record.put("round", round);
        record.put("readyMillis", readyMillis);
        record.put("rssIdleKib", rssIdleKib);
        return record;
    }
}
