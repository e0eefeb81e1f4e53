package com.brandcluster.perf.driver;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.TestTokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.brandcluster.perf.driver.DirectoryPortal.require;

/**
 * What the booking scenario contends for: expert-salon-service twice from the same jar on the same database of the
 * MongoDB process it is given, both on the portal's CPUs; the cluster {@value #CLUSTER}, with {@code members} member
 * enterprises in good standing (each with a token) and experts who publish hourly consultation slots.
 * <p>
 * The members' standing and the cluster's tiers are written into the service's projections ({@code member_standings},
 * {@code cluster_tiers}), as membership-service's events would write them and as the service's own integration tests
 * do: membership-service is not started. Each member's tier gives it {@value #HOURS_PER_YEAR} consultation hours a
 * year, so every attempt of the scenario is one a member is entitled to make. An expert is created through the API
 * with an availability of hourly slots every day from 08:00 to 20:00 in Shanghai, and its slots are the first free
 * ones its public slots endpoint lists. Membership lookups that miss the projection go nowhere (a 503): no attempt is
 * let through on a guess.
 */
public final class BookingPortal implements AutoCloseable {

    public static final String CLUSTER = "bench-salons";
    public static final String BOOKINGS = "/api/salons/consultations";
    /** What {@link #held} counts. */
    public static final String CONSULTATIONS = "consultations", SLOTS_HELD = "slots held",
            MOST_ON_ONE_SLOT = "most on one slot", SLOTS_STILL_FREE = "slots still free";
    static final int HOURS_PER_YEAR = 10;
    private static final String DATABASE = "salons";
    private static final String TIER = "member";
    private static final ZoneId EXPERT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KeycloakAdminStandIn keycloakAdmin = new KeycloakAdminStandIn();
    private final PortalProcess mongo;
    private final List<PortalProcess> instances = new ArrayList<>();
    private final List<StartupFigure> startups;
    private final List<String> memberTokens;

    private BookingPortal(CoreSplit cores, Path dir, int members, PortalProcess mongo) {
        this.mongo = mongo;
        try {
            Map<String, String> environment = DirectoryPortal.withDatabase(
                    DirectoryPortal.commonEnvironment(keycloakAdmin.baseUrl()), mongo, DATABASE);
            environment.put("MEMBERSHIP_URL", "http://127.0.0.1:9");
            Path jar = DirectoryPortal.jar("expert-salon-service");
            for (String name : List.of("expert-salon-service-1", "expert-salon-service-2")) {
                instances.add(PortalProcess.service(name, jar, null, environment, dir));
            }
            startups = PortalProcess.awaitReady(instances, DirectoryPortal.STARTUP);
            DirectoryPortal.bindEventSink("salons.events");
            memberTokens = admitMembers(members);
            processes().forEach(process -> cores.pinPortalProcess(process.pid()));
        }
        catch (RuntimeException ex) {
            close();
            throw ex;
        }
    }

    /**
     * Starts both instances on {@code mongo}'s database and writes the members' standing; about twenty seconds on two
     * cores. The MongoDB process stays its starter's to stop.
     */
    public static BookingPortal start(CoreSplit cores, Path dir, int members, PortalProcess mongo) {
        return new BookingPortal(cores, dir, members, mongo);
    }

    /** The two instances of expert-salon-service, in the order attempts are spread over them. */
    public List<PortalProcess> instances() {
        return List.copyOf(instances);
    }

    public PortalProcess mongo() {
        return mongo;
    }

    /** Both instances and MongoDB. */
    public List<PortalProcess> processes() {
        List<PortalProcess> processes = new ArrayList<>(instances);
        processes.add(mongo);
        return processes;
    }

    /** How long the two instances, started side by side, took to be ready, and their memory then. */
    public List<StartupFigure> startups() {
        return startups;
    }

    /** Every request that reached the Keycloak stand-ins so far: JWK set fetches and admin API calls. */
    public int keycloakRequests() {
        return TestTokens.jwksRequests() + keycloakAdmin.requests();
    }

    /** One bearer token per member enterprise (role enterprise, {@code enterprise_id}), valid for hours. */
    public List<String> memberTokens() {
        return memberTokens;
    }

    /**
     * A new expert of the cluster, {@code name}, with hourly slots every day from 08:00 to 20:00 in Shanghai (an hour's
     * notice, no buffers, no daily maximum, confirmed by hand); the first {@code slots} free ones from tomorrow on.
     */
    public Expert expertWithSlots(String name, int slots) {
        ApiClient api = new ApiClient(instances.getFirst().baseUrl());
        String subject = "bench-expert-" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        ApiClient expert = api.as(TestTokens.user(subject).roles("expert").expiresIn(DirectoryPortal.TOKEN_LIFETIME)
                .issue());
        Map<String, Object> profile = Map.of("name", name, "topics", List.of("BRAND_EVALUATION"),
                "languages", List.of("zh-CN"), "timeZone", EXPERT_ZONE.getId(), "clusters", List.of(CLUSTER));
        String expertId = require(expert.post("/api/salons/experts", profile), 201).at("/id");
        List<Map<String, String>> everyDay = Arrays.stream(DayOfWeek.values())
                .map(day -> Map.of("day", day.name(), "start", "08:00", "end", "20:00")).toList();
        Map<String, Object> availability = Map.of("weekly", everyDay, "slotMinutes", 60, "bufferBeforeMinutes", 0,
                "bufferAfterMinutes", 0, "minimumNoticeMinutes", 60, "autoConfirm", false,
                "cancellationCutoffMinutes", 24 * 60);
        require(expert.put("/api/salons/experts/" + expertId + "/availability", availability), 200);
        List<Instant> free = freeSlots(expertId);
        if (free.size() < slots) {
            throw new IllegalStateException(name + " has " + free.size() + " free slots in a month, not " + slots);
        }
        return new Expert(expertId, List.copyOf(free.subList(0, slots)));
    }

    /**
     * {@code count} booking attempts on the expert's slots, as a feeder's records ({@code url}, {@code bearer},
     * {@code body}): attempt {@code i} books slot {@code i % slots} for member {@code i} (once per burst), on the
     * instance {@code (i % slots + i / slots) % 2}, so that consecutive attempts alternate between the instances and
     * so do the attempts on each slot.
     */
    public List<Map<String, Object>> attempts(Expert expert, int count) {
        if (count > memberTokens.size()) {
            throw new IllegalArgumentException(count + " attempts need as many members; there are "
                    + memberTokens.size());
        }
        int slots = expert.slots().size();
        return IntStream.range(0, count).mapToObj(i -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("expertId", expert.id());
            body.put("clusterId", CLUSTER);
            body.put("start", expert.slots().get(i % slots).toString());
            body.put("topic", "BRAND_EVALUATION");
            body.put("note", "We want to join the cluster's brand index.");
            PortalProcess instance = instances.get((i % slots + i / slots) % instances.size());
            return Map.<String, Object>of("url", instance.baseUrl() + BOOKINGS, "bearer",
                    "Bearer " + memberTokens.get(i), "body", JSON.writeValueAsString(body));
        }).toList();
    }

    /**
     * What the expert's slots hold now, as the database and the API tell: the consultations that stand (not
     * cancelled), the distinct slots they hold, those of the expert's slots that the public slots endpoint still lists
     * as free, and the most consultations that stand on any one slot.
     */
    public Map<String, Long> held(Expert expert) {
        Map<String, Long> held = new LinkedHashMap<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongo.port())) {
            MongoCollection<Document> consultations = client.getDatabase(DATABASE).getCollection("consultations");
            List<Document> standing = consultations.find(Filters.and(Filters.eq("expertId", expert.id()),
                    Filters.ne("state", "CANCELLED"))).into(new ArrayList<>());
            Map<Instant, Long> perSlot = new LinkedHashMap<>();
            for (Document consultation : standing) {
                perSlot.merge(consultation.getDate("start").toInstant(), 1L, Long::sum);
            }
            held.put(CONSULTATIONS, (long) standing.size());
            held.put(SLOTS_HELD, perSlot.keySet().stream().filter(expert.slots()::contains).count());
            held.put(MOST_ON_ONE_SLOT, perSlot.values().stream().mapToLong(Long::longValue).max().orElse(0));
        }
        Set<Instant> free = new HashSet<>(freeSlots(expert.id()));
        held.put(SLOTS_STILL_FREE, expert.slots().stream().filter(free::contains).count());
        return held;
    }

    /** Stops both instances; MongoDB is left running. */
    @Override
    public void close() {
        PortalProcess.stopAll(instances);
        keycloakAdmin.close();
    }

    /** The expert's free slots over the next month, as anyone reads them. */
    private List<Instant> freeSlots(String expertId) {
        LocalDate tomorrow = LocalDate.now(EXPERT_ZONE).plusDays(1);
        JsonNode slots = require(new ApiClient(instances.getLast().baseUrl()).anonymous()
                .get("/api/salons/experts/" + expertId + "/slots?from=" + tomorrow + "&to=" + tomorrow.plusDays(30)),
                200).json().get("slots");
        return slots.valueStream().map(slot -> Instant.parse(slot.get("start").asString())).toList();
    }

    /**
     * The cluster's tier, and a membership in good standing for each of {@code count} enterprises, written into the
     * service's projections as its membership events would leave them; a token for each.
     */
    private List<String> admitMembers(int count) {
        Date now = new Date();
        LocalDate today = LocalDate.now(EXPERT_ZONE);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongo.port())) {
            MongoDatabase salons = client.getDatabase(DATABASE);
            salons.getCollection("cluster_tiers").insertOne(new Document("_id", CLUSTER)
                    .append("name", "Benchmark Salons Brand Cluster")
                    .append("tiers", List.of(new Document("code", TIER).append("name", "Member").append("rank", 1)
                            .append("consultationHoursPerYear", HOURS_PER_YEAR).append("seatsPerEvent", 2)
                            .append("assetAccessRank", 1)))
                    .append("version", 1L).append("updatedAt", now));
            List<Document> standings = IntStream.range(0, count).mapToObj(n -> new Document("_id", "bench-membership-" + n)
                    .append("clusterId", CLUSTER).append("enterpriseId", enterpriseId(n))
                    .append("enterpriseName", String.format("Benchmark Salons %04d Co., Ltd.", n))
                    .append("memberNumber", String.format("SALON-2026-%04d", n)).append("tier", TIER)
                    .append("status", "ACTIVE").append("validFrom", date(today.minusMonths(2)))
                    .append("validUntil", date(today.plusMonths(10))).append("version", 1L).append("updatedAt", now))
                    .toList();
            if (!standings.isEmpty()) {
                salons.getCollection("member_standings").insertMany(standings);
            }
        }
        return IntStream.range(0, count).mapToObj(n -> TestTokens.user("bench-booker-" + n).roles("enterprise")
                .enterpriseId(enterpriseId(n)).expiresIn(DirectoryPortal.TOKEN_LIFETIME).issue()).toList();
    }

    private static String enterpriseId(int n) {
        return String.format("bench-enterprise-%04d", n);
    }

    /** A date as Spring Data stores a {@code LocalDate}: its start in the JVM's zone. */
    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    /**
     * An expert of the cluster and the slots of theirs the scenario books.
     *
     * @param id    the expert's id (their token's subject)
     * @param slots the slots' starts, in order
     */
    public record Expert(String id, List<Instant> slots) {
    }
}
