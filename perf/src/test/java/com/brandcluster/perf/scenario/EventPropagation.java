package com.brandcluster.perf.scenario;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.brandcluster.perf.driver.CoreSplit;
import com.brandcluster.perf.driver.DirectoryPortal;
import com.brandcluster.perf.driver.EventConsumers;
import com.brandcluster.perf.driver.PortalProcess;
import com.brandcluster.perf.driver.Propagation;
import com.brandcluster.perf.driver.RelayThroughput;
import com.brandcluster.testsupport.TestTokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

import static com.brandcluster.perf.scenario.BenchmarkScenario.millis;
import static com.brandcluster.perf.scenario.BenchmarkScenario.ratio;
import static com.brandcluster.perf.scenario.GatewayOverhead.holds;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Scenario 4, event propagation. Arm A: the secretariat suspends and reinstates members through membership-service's
 * API at a fixed arrival rate ({@code -Dperf.changeRate} changes per second, an open model) while events-service,
 * expert-salon-service and branding-assets-service keep their projections of the memberships; each change is timed
 * from its commit to the moment it is visible in all three ({@link Propagation}): p50, p99, max, changes made and
 * lost (a lost change fails the run), CPU time per change of membership-service, each consumer and MongoDB. Arm B: the
 * outbox relay's throughput with publisher confirms against the RabbitMQ tutorial's publisher loops on the same broker
 * ({@link RelayThroughput}, {@code -Dperf.relayEvents} events each); the published reference is about 9,000 messages/s
 * waiting for each confirm and about 21,000 with batched or asynchronous confirms.
 */
public final class EventPropagation implements BenchmarkScenario, OwnPhases {

    static final String NAME = "event-propagation";
    static final String CHANGES = "membership changes";
    private static final Map<String, String> WAY_LABELS = Map.of("per-message", "per-message confirms",
            "batched", "batched confirms", "async", "async confirms", "relay", "outbox relay");
    private static final Duration DRAIN = Duration.ofSeconds(30);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Phases start(DirectoryPortal portal, CoreSplit cores, Path dir, Duration warmup, Duration measure) {
        int rate = Integer.getInteger("perf.changeRate", 10);
        int events = Integer.getInteger("perf.relayEvents", 200);
        return new Run(portal, cores, dir, warmup, measure, rate, events);
    }

    @Override
    public List<TableRow> rows(List<ArmFigures> figures) {
        ArmFigures changes = figures.stream().filter(f -> f.label().equals(CHANGES)).findFirst().orElseThrow();
        Map<String, ArmFigures> ways = new HashMap<>();
        figures.forEach(f -> ways.put(f.label(), f));
        List<TableRow> rows = new ArrayList<>();
        rows.add(new TableRow(NAME, "commit -> visible in all 3 projections (ms), p50 / p99", "",
                millis(changes.medianMillis()) + " / " + millis(changes.p99Millis()), "", "reported",
                "membership " + millis(changes.cpuPerRequest("membership-service")) + ", consumers "
                        + millis(changes.cpuPerRequest("events-service")
                        + changes.cpuPerRequest("expert-salon-service")
                        + changes.cpuPerRequest("branding-assets-service")) + ", MongoDB "
                        + millis(changes.cpuPerRequest("mongodb")) + " per change"));
        rows.add(new TableRow(NAME, "changes made / lost", "", changes.requests() + " / " + changes.failed(), "",
                "lost 0: " + holds(changes.failed() == 0), ""));
        ArmFigures relay = ways.get(WAY_LABELS.get("relay"));
        for (String way : List.of("per-message", "batched", "async")) {
            ArmFigures reference = ways.get(WAY_LABELS.get(way));
            String published = "per-message".equals(way) ? "9,000" : "21,000";
            rows.add(new TableRow(NAME, "publishing with confirms (msg/s)",
                    String.format("%.0f %s", reference.throughput(), reference.label()),
                    String.format("%.0f %s", relay.throughput(), relay.label()),
                    ratio(relay.throughput(), reference.throughput()),
                    "beat it and the tutorial's ~" + published + ": "
                            + holds(relay.throughput() > reference.throughput()
                            && relay.throughput() > Integer.parseInt(published.replace(",", ""))),
                    millis(reference.cpuPerRequest()) + " -> " + millis(relay.cpuPerRequest())));
        }
        return rows;
    }

    /** The figures the main table has no column for: max, overtaken changes, CPU by process, the arms' lengths. */
    @Override
    public String details(JsonNode run) {
        StringBuilder table = new StringBuilder();
        for (JsonNode arm : run.get("arms")) {
            if (!NAME.equals(arm.get("scenario").asString())) {
                continue;
            }
            long requests = arm.get("requests").asLong();
            JsonNode cpu = arm.get("cpuMillis");
            if (CHANGES.equals(arm.get("arm").asString())) {
                table.append("Event propagation: ").append(requests).append(" changes at ")
                        .append(arm.get("rate").asInt()).append("/s over ").append(arm.get("measure").asString())
                        .append(", ").append(arm.get("failed").asLong()).append(" lost; commit -> visible in all 3 ")
                        .append("projections: p50 ").append(millis(arm.get("medianMillis").asDouble()))
                        .append(" ms, p99 ").append(millis(arm.get("p99Millis").asDouble())).append(" ms, max ")
                        .append(millis(arm.get("maxMillis").asDouble())).append(" ms; ")
                        .append(arm.get("overtaken").asLong()).append(" projection writes timed by the poll (")
                        .append(arm.get("pollMillis").asLong()).append(" ms), a later change having overtaken them.\n\n")
                        .append("| CPU ms per change | membership-service | events-service | expert-salon-service "
                                + "| branding-assets-service | MongoDB |\n|---|---|---|---|---|---|\n| ")
                        .append(String.format("%.0f changes", (double) requests));
                for (String process : List.of("membership-service", "events-service", "expert-salon-service",
                        "branding-assets-service", "mongodb")) {
                    table.append(" | ").append(millis(cpu.get(process).asDouble() / requests));
                }
                table.append(" |\n\n| publisher | messages | payload (bytes) | seconds | msg/s | publisher CPU ms/msg "
                        + "| MongoDB CPU ms/msg | MongoDB commands/msg | waiting on MongoDB |\n"
                        + "|---|---|---|---|---|---|---|---|---|\n");
                continue;
            }
            double seconds = arm.get("wallNanos").asLong() / 1e9;
            table.append("| ").append(arm.get("arm").asString()).append(" | ").append(requests).append(" | ")
                    .append(arm.get("payloadBytes").asInt()).append(" | ").append(String.format("%.2f", seconds))
                    .append(" | ").append(String.format("%.0f", requests / seconds)).append(" | ")
                    .append(String.format("%.3f", cpu.get("publisher").asDouble() / requests)).append(" | ")
                    .append(String.format("%.3f", cpu.get("mongodb").asDouble() / requests)).append(" | ")
                    .append(String.format("%.2f", arm.get("mongoCommands").asDouble() / requests)).append(" | ")
                    .append(String.format("%.0f%%", 100 * arm.get("mongoWaitNanos").asDouble()
                            / arm.get("wallNanos").asDouble())).append(" |\n");
        }
        return table.toString();
    }

    /** One run: the consumers, the relay arms (run at once), the changes' populations and what they measured. */
    private static final class Run implements Phases {

        private final DirectoryPortal portal;
        private final EventConsumers consumers;
        private final List<RelayThroughput.Result> relay;
        private final Propagation propagation;
        private final List<PortalProcess> measured;
        private final Duration warmup;
        private final Duration measure;
        private final int rate;
        private final List<Member> members;
        private final String secretariat;
        private final AtomicLong failed = new AtomicLong();
        private volatile Map<String, Double> cpuBefore;
        private volatile Map<String, Double> cpuAfter;
        private volatile long startMillis;
        private volatile long endMillis;
        private volatile long drainDeadline;

        /** A member whose membership the run changes: suspended or not, a change of it under way or not. */
        private static final class Member {

            private final String enterpriseId;
            private boolean suspended;
            private boolean changing;

            Member(String enterpriseId, boolean suspended) {
                this.enterpriseId = enterpriseId;
                this.suspended = suspended;
            }
        }

        Run(DirectoryPortal portal, CoreSplit cores, Path dir, Duration warmup, Duration measure, int rate,
            int events) {
            this.portal = portal;
            this.warmup = warmup;
            this.measure = measure;
            this.rate = rate;
            this.secretariat = "Bearer " + TestTokens.user("bench-secretariat").roles("secretariat")
                    .secretariatOf(DirectoryPortal.CLUSTER).expiresIn(DirectoryPortal.TOKEN_LIFETIME).issue();
            String payload;
            List<Member> found = new ArrayList<>();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + portal.mongo().port())) {
                payload = null;
                for (Document membership : client.getDatabase("membership").getCollection("memberships")
                        .find(Filters.eq("clusterId", DirectoryPortal.CLUSTER))) {
                    found.add(new Member(membership.getString("enterpriseId"),
                            "SUSPENDED".equals(membership.getString("status"))));
                    List<Document> outbox = membership.getList("outbox", Document.class);
                    if (payload == null && outbox != null && !outbox.isEmpty()) {
                        payload = outbox.getLast().getString("payload");
                    }
                }
            }
            if (found.isEmpty() || payload == null) {
                throw new IllegalStateException("No member of " + DirectoryPortal.CLUSTER + " with an event to copy");
            }
            this.members = List.copyOf(found);
            this.consumers = EventConsumers.start(portal, cores, dir);
            try {
                this.relay = RelayThroughput.measure(portal.mongo(), cores, dir, payload, events,
                        Math.max(100, Math.min(events / 10, 2000)));
                this.propagation = new Propagation(portal.mongo(), consumers.processes().stream()
                        .map(p -> EventConsumers.DATABASES.get(p.name())).toList());
            }
            catch (RuntimeException ex) {
                consumers.close();
                throw ex;
            }
            List<PortalProcess> processes = new ArrayList<>(List.of(portal.membership()));
            processes.addAll(consumers.processes());
            processes.add(portal.mongo());
            this.measured = List.copyOf(processes);
        }

        @Override
        public List<PopulationBuilder> populations() {
            String name = NAME + ": " + CHANGES;
            return List.of(
                    changes("warm-up " + name, warmup, false),
                    scenario(name + " start").exec(session -> {
                        cpuBefore = cpu();
                        startMillis = System.currentTimeMillis();
                        return session;
                    }).injectOpen(atOnceUsers(1)),
                    changes(name, measure, true),
                    scenario(name + " drain").exec(session -> {
                        drainDeadline = System.currentTimeMillis() + DRAIN.toMillis();
                        return session;
                    }).exec(asLongAs(session -> propagation.unseen() > 0
                            && System.currentTimeMillis() < drainDeadline).on(pause(Duration.ofMillis(20))))
                            .exec(session -> {
                                endMillis = System.currentTimeMillis();
                                cpuAfter = cpu();
                                return session;
                            }).injectOpen(atOnceUsers(1)));
        }

        /** {@code rate} changes a second for {@code length}, each a suspension or a reinstatement of a member. */
        private PopulationBuilder changes(String name, Duration length, boolean timed) {
            ChainBuilder change = exec(http(name).post(portal.membership().baseUrl() + "#{path}")
                    .header("Authorization", secretariat).header("Content-Type", "application/json")
                    .body(StringBody("#{body}"))
                    .check(status().is(200), jmesPath("id").saveAs("membershipId"),
                            jmesPath("version").saveAs("version"),
                            jmesPath("history[-1].at").saveAs("committedAt")));
            change = change.exec(session -> {
                changed(session.getInt("member"));
                return session;
            });
            if (timed) {
                change = change.exec(session -> {
                    if (session.isFailed() || !session.contains("committedAt")) {
                        failed.incrementAndGet();
                    }
                    else {
                        propagation.committed(session.getString("membershipId"),
                                Long.parseLong(session.getString("version")), instant(session));
                    }
                    return session;
                });
            }
            return scenario(name).feed(changeFeeder()).exec(change)
                    .injectOpen(constantUsersPerSec(rate).during(length));
        }

        /**
         * Members in turn, each suspended when it is not and reinstated when it is; a member whose last change has not
         * been answered yet is passed over (unless every member's is under way), so that two changes of one
         * membership never race each other: the second would be refused, a failure of the run rather than of the
         * portal.
         */
        private Iterator<Map<String, Object>> changeFeeder() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Map<String, Object> next() {
                    synchronized (members) {
                        int index = next % members.size();
                        for (int tried = 0; tried < members.size() && members.get(index).changing; tried++) {
                            index = (index + 1) % members.size();
                        }
                        next = index + 1;
                        Member member = members.get(index);
                        member.changing = true;
                        member.suspended = !member.suspended;
                        String base = "/api/membership/clusters/" + DirectoryPortal.CLUSTER + "/members/"
                                + member.enterpriseId;
                        return Map.of("member", index,
                                "path", base + (member.suspended ? "/suspension" : "/reinstatement"),
                                "body", "{\"reason\":\"Benchmark: " + (member.suspended ? "suspended" : "reinstated")
                                        + "\"}");
                    }
                }
            };
        }

        private void changed(int member) {
            synchronized (members) {
                members.get(member).changing = false;
            }
        }

        private static Instant instant(Session session) {
            String at = session.getString("committedAt");
            if (at.matches("-?\\d+(\\.\\d+)?")) {
                BigDecimal seconds = new BigDecimal(at);
                return Instant.ofEpochSecond(seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            }
            return Instant.parse(at);
        }

        private Map<String, Double> cpu() {
            Map<String, Double> cpu = new LinkedHashMap<>();
            measured.forEach(p -> cpu.put(p.name(), p.cpuTime().toNanos() / 1e6));
            return cpu;
        }

        @Override
        public List<Map<String, Object>> records() {
            if (cpuBefore == null || cpuAfter == null) {
                throw new IllegalStateException("The measured phase of " + NAME + " did not run to its end");
            }
            List<Double> latencies = propagation.latencies();
            Map<String, Object> cpu = new LinkedHashMap<>();
            cpuBefore.forEach((process, before) -> cpu.put(process, cpuAfter.get(process) - before));
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("scenario", NAME);
            changes.put("arm", CHANGES);
            changes.put("request", NAME + ": " + CHANGES);
            changes.put("durationMillis", endMillis - startMillis);
            changes.put("requests", propagation.changes() + failed.get());
            changes.put("failed", propagation.unseen() + failed.get());
            changes.put("medianMillis", Propagation.percentile(latencies, 50));
            changes.put("p99Millis", Propagation.percentile(latencies, 99));
            changes.put("maxMillis", latencies.isEmpty() ? Double.NaN : latencies.getLast());
            changes.put("cpuMillis", cpu);
            changes.put("servedBy", measured.stream().map(PortalProcess::name).toList());
            changes.put("keycloakRequests", 0);
            changes.put("rssKib", Map.of());
            changes.put("rate", rate);
            changes.put("measure", measure.toString());
            changes.put("overtaken", propagation.overtaken());
            changes.put("pollMillis", Propagation.POLL_MILLIS);
            List<Map<String, Object>> records = new ArrayList<>(List.of(changes));
            relay.forEach(result -> records.add(result.record(NAME, WAY_LABELS.get(result.way()))));
            return records;
        }

        @Override
        public void close() {
            propagation.close();
            consumers.close();
        }
    }
}
