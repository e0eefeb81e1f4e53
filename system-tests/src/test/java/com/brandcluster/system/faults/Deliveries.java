package com.brandcluster.system.faults;

import com.brandcluster.system.support.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The membership events one consumer handled, counted from the line its projector logs for every delivery it handles
 * (INFO: which membership, which version, applied or ignored as not newer), from the moment this was created on.
 */
final class Deliveries {

    /** The standing projector of membership-projection (events-, expert-salon-, branding-assets-service). */
    static final Pattern STANDING = Pattern.compile(
            "Membership (?<member>\\S+) now \\S+ \\(version (?<version>\\d+)\\): (?<outcome>applied|already newer, ignored)");
    /** notification-service's directory of cluster members. */
    static final Pattern DIRECTORY = Pattern.compile(
            "Membership (?<member>\\S+) of \\S+ in cluster \\S+ at version (?<version>\\d+): (?<outcome>.+)$");

    private final ServiceProcess service;
    private final Pattern line;
    private final long from;

    private Deliveries(ServiceProcess service, Pattern line) {
        this.service = service;
        this.line = line;
        this.from = size(service.log());
    }

    /** Counts what {@code service} logs with {@code line} from now on. */
    static Deliveries from(ServiceProcess service, Pattern line) {
        return new Deliveries(service, line);
    }

    String consumer() {
        return service.name();
    }

    /** Deliveries handled and applications per {@code member:version} of these members (member number or id). */
    Counts count(Set<String> members) {
        Map<String, Integer> applied = new HashMap<>();
        int handled = 0;
        for (String text : linesSinceStart()) {
            Matcher matcher = line.matcher(text);
            if (matcher.find() && members.contains(matcher.group("member"))) {
                handled++;
                String outcome = matcher.group("outcome");
                if (!outcome.contains("ignored")) {
                    applied.merge(matcher.group("member") + ":" + matcher.group("version"), 1, Integer::sum);
                }
            }
        }
        return new Counts(handled, applied);
    }

    /**
     * @param handled deliveries of these members' events the consumer handled (redeliveries included)
     * @param applied how often each {@code member:version} changed the consumer's copy
     */
    record Counts(int handled, Map<String, Integer> applied) {

        long appliedTwice() {
            return applied.values().stream().filter(times -> times > 1).count();
        }

        int applications() {
            return applied.size();
        }
    }

    private List<String> linesSinceStart() {
        try {
            byte[] bytes = Files.readAllBytes(service.log());
            return List.of(new String(bytes, (int) Math.min(from, bytes.length), (int) Math.max(0, bytes.length - from),
                    StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
