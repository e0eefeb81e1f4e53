package com.brandcluster.demo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads the demo alliance into a running portal: the clusters with their tiers and secretariats, a dozen enterprises
 * registered by their own users, memberships in different states (admitted, suspended, waiting for review, rejected),
 * officers, the lighting cluster's convention voted on and adopted, and standards declared and certified.
 * Everything goes through the gateway and the services' APIs with the demo users' own tokens, exactly as the people
 * would do it; Keycloak's admin API is used only to create the demo users that the realm does not ship.
 *
 * <p>Idempotent: what exists is left alone, so it can run on every start.
 *
 * <pre>java -jar demo-data.jar --gateway http://localhost:8080 --keycloak http://localhost:8180</pre>
 */
public final class DemoData {

    static final String REALM = "brand-cluster";
    static final String DEMO_PASSWORD = "demo-pass";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How often one request is sent again after the gateway's 429 (too many requests). */
    private static final int MAX_RATE_LIMIT_RETRIES = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String gateway;
    private final String keycloak;
    private final String adminUser;
    private final String adminPassword;
    private final JsonNode alliance;
    private final Map<String, String> enterpriseOf = new LinkedHashMap<>();
    private int created;

    DemoData(String gateway, String keycloak, String adminUser, String adminPassword, JsonNode alliance) {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.alliance = alliance;
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "--gateway", "http://localhost:8080",
                "--keycloak", "http://localhost:8180",
                "--admin-user", env("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"),
                "--admin-password", env("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                System.err.println("Usage: java -jar demo-data.jar [--gateway URL] [--keycloak URL] [--admin-user U] [--admin-password P]");
                System.exit(2);
            }
            options.put(args[i], args[i + 1]);
        }
        try {
            DemoData demo = new DemoData(options.get("--gateway"), options.get("--keycloak"),
                    options.get("--admin-user"), options.get("--admin-password"), readAlliance());
            demo.load();
        } catch (DemoDataException e) {
            System.err.println("Demo data: " + e.getMessage());
            System.exit(1);
        }
    }

    void load() {
        for (JsonNode cluster : alliance.path("clusters")) {
            foundCluster(cluster);
        }
        for (JsonNode user : alliance.path("newUsers")) {
            if (passwordGrant(user.path("user").asString()).statusCode() != 200) {
                createUser(user.path("user").asString(), user.path("firstName").asString(), user.path("lastName").asString(), null);
            }
        }
        alliance.path("secretariats").properties().forEach(e -> appointSecretariat(e.getKey(), e.getValue().asString()));
        for (JsonNode enterprise : alliance.path("enterprises")) {
            String token = enterpriseUserToken(enterprise);
            String enterpriseId = claim(token, "enterprise_id");
            if (enterpriseId == null) {
                enterpriseId = register(enterprise, token);
                token = passwordToken(enterprise.path("user").asString());
            }
            enterpriseOf.put(enterprise.path("user").asString(), enterpriseId);
            joinCluster(enterprise, enterpriseId, token);
        }
        for (JsonNode enterprise : alliance.path("enterprises")) {
            for (JsonNode standard : enterprise.path("standards")) {
                adoptStandard(enterprise, standard);
            }
        }
        alliance.path("officers").properties().forEach(e -> seatOfficers(e.getKey(), e.getValue()));
        List<OpenBallot> ballots = new ArrayList<>();
        alliance.path("conventions").properties().forEach(e -> putToBallot(e.getKey(), e.getValue())
                .ifPresent(ballots::add));
        Map<String, String> expertIds = new LinkedHashMap<>();
        for (JsonNode expert : alliance.path("experts")) {
            expertIds.put(expert.path("user").asString(), publishExpert(expert));
        }
        for (JsonNode salon : alliance.path("salons")) {
            holdSalon(salon, expertIds);
        }
        for (JsonNode needs : alliance.path("needs")) {
            stateNeeds(needs);
        }
        for (JsonNode consultation : alliance.path("consultations")) {
            bookConsultation(consultation, expertIds);
        }
        for (JsonNode event : alliance.path("exchangeEvents")) {
            holdExchangeEvent(event);
        }
        for (JsonNode post : alliance.path("posts")) {
            post(post);
        }
        for (JsonNode asset : alliance.path("brandKit")) {
            publishAsset(asset);
        }
        ballots.forEach(this::tally);
        System.out.println("Demo data: ready (" + created + " things created, the rest was there already)");
    }

    /** The alliance office appoints the cluster's secretariat through membership-service (which writes Keycloak). */
    private void appointSecretariat(String clusterId, String username) {
        String admin = passwordToken("alliance-admin");
        Response current = call("GET", "/api/membership/clusters/" + clusterId + "/secretariat", admin, null);
        if (current.status() == 200 && current.json().path("members").findValuesAsString("username").contains(username)) {
            return;
        }
        ObjectNode appointment = JSON.createObjectNode().put("reason", "Demo alliance: the cluster's secretariat");
        appointment.putArray("users").add(username);
        Response appointed = call("PUT", "/api/membership/clusters/" + clusterId + "/secretariat", admin, appointment);
        if (appointed.status() != 200) {
            throw new DemoDataException("appointing the secretariat of " + clusterId, appointed);
        }
        created++;
        System.out.println("Demo data: " + username + " serves as the secretariat of " + clusterId);
    }

    private void adoptStandard(JsonNode enterprise, JsonNode standard) {
        String user = enterprise.path("user").asString();
        String clusterId = enterprise.path("cluster").asString();
        String path = "/api/membership/clusters/" + clusterId + "/members/" + enterpriseOf.get(user) + "/standards";
        String token = passwordToken(user);
        JsonNode adoption = null;
        for (JsonNode existing : call("GET", path, token, null).json()) {
            if (standard.path("code").asString().equals(existing.path("code").asString())) {
                adoption = existing;
            }
        }
        if (adoption == null) {
            ObjectNode declaration = JSON.createObjectNode();
            for (String field : List.of("code", "title", "kind", "declaredOn", "evidence")) {
                declaration.set(field, standard.get(field));
            }
            Response declared = call("POST", path, token, declaration);
            if (declared.status() != 201) {
                throw new DemoDataException("declaring " + standard.path("code").asString(), declared);
            }
            created++;
            adoption = declared.json();
        }
        JsonNode certificate = standard.path("certificate");
        if (certificate.isMissingNode() || "CERTIFIED".equals(adoption.path("status").asString())) {
            return;
        }
        Response certified = call("POST", path + "/" + adoption.path("id").asString() + "/certification",
                passwordToken(alliance.path("secretariats").path(clusterId).asString()),
                JSON.createObjectNode().put("certificateNumber", certificate.path("certificateNumber").asString())
                        .put("certificationBody", certificate.path("certificationBody").asString())
                        .put("expiresOn", java.time.LocalDate.now().plusYears(certificate.path("years").asInt(3)).toString()));
        if (certified.status() != 200) {
            throw new DemoDataException("certifying " + standard.path("code").asString(), certified);
        }
        created++;
        System.out.println("Demo data: " + enterprise.path("legalName").asString() + " certified against "
                + standard.path("code").asString());
    }

    private void seatOfficers(String clusterId, JsonNode officers) {
        String path = "/api/membership/clusters/" + clusterId + "/officers";
        if (call("GET", path, null, null).json().path("officers").size() > 0) {
            return;
        }
        ObjectNode slate = JSON.createObjectNode().put("reason", "Elected at the inaugural meeting");
        var list = slate.putArray("officers");
        for (JsonNode officer : officers) {
            list.addObject().put("seat", officer.path("seat").asString())
                    .put("enterpriseId", enterpriseOf.get(officer.path("user").asString()))
                    .put("person", officer.path("person").asString())
                    .put("termStart", officer.path("termStart").asString())
                    .put("termEnd", officer.path("termEnd").asString());
        }
        Response seated = call("PUT", path, passwordToken(alliance.path("secretariats").path(clusterId).asString()), slate);
        if (seated.status() != 200) {
            throw new DemoDataException("seating the officers of " + clusterId, seated);
        }
        created++;
        System.out.println("Demo data: officers of " + clusterId + " seated");
    }

    /** A convention whose short ballot is open and has the members' votes: {@link #tally} it once it has closed. */
    private record OpenBallot(String clusterId, JsonNode convention, String path, java.time.Instant closesAt) {
    }

    /**
     * Drafts the convention, puts it to a short ballot and lets the members vote; the rest of the demo data loads
     * while the ballot runs. Empty when the cluster has a convention already.
     */
    private Optional<OpenBallot> putToBallot(String clusterId, JsonNode convention) {
        String secretariat = passwordToken(alliance.path("secretariats").path(clusterId).asString());
        Response versions = call("GET", "/api/membership/clusters/" + clusterId + "/conventions", secretariat, null);
        if (versions.status() == 200 && versions.json().size() > 0) {
            return Optional.empty();
        }
        ObjectNode text = JSON.createObjectNode().put("title", convention.path("title").asString())
                .put("body", convention.path("body").asString())
                .put("changeSummary", convention.path("changeSummary").asString());
        Response draft = call("POST", "/api/membership/clusters/" + clusterId + "/conventions", secretariat, text);
        if (draft.status() != 201) {
            throw new DemoDataException("drafting the convention of " + clusterId, draft);
        }
        String path = "/api/membership/conventions/" + draft.json().path("id").asString();
        java.time.Instant closesAt = java.time.Instant.now().plusSeconds(6);
        Response opened = call("POST", path + "/ballot", secretariat,
                JSON.createObjectNode().put("closesAt", closesAt.toString()).put("quorumPercent", 30));
        if (opened.status() != 200) {
            throw new DemoDataException("opening the ballot of " + clusterId, opened);
        }
        convention.path("votes").properties().forEach(vote -> {
            Response cast = call("POST", path + "/votes", passwordToken(vote.getKey()),
                    JSON.createObjectNode().put("choice", vote.getValue().asString()));
            if (cast.status() != 200) {
                throw new DemoDataException("voting as " + vote.getKey(), cast);
            }
        });
        System.out.println("Demo data: the members of " + clusterId + " vote on the convention (the ballot closes in seconds)");
        return Optional.of(new OpenBallot(clusterId, convention, path, closesAt));
    }

    /** Tallies the ballot once it has closed (the secretariat adopts the convention) and records acceptances. */
    private void tally(OpenBallot ballot) {
        String clusterId = ballot.clusterId();
        String path = ballot.path();
        java.time.Instant closesAt = ballot.closesAt();
        String secretariat = passwordToken(alliance.path("secretariats").path(clusterId).asString());
        Response tallied;
        do {
            pause(java.time.Duration.between(java.time.Instant.now(), closesAt).plusMillis(200));
            tallied = call("POST", path + "/tally", secretariat, null);
        } while (tallied.status() == 409 && java.time.Instant.now().isBefore(closesAt.plusSeconds(30)));
        if (tallied.status() != 200) {
            throw new DemoDataException("tallying the convention of " + clusterId, tallied);
        }
        for (JsonNode user : ballot.convention().path("acceptedBy")) {
            Response accepted = call("POST", path + "/acceptances", passwordToken(user.asString()), null);
            if (accepted.status() != 201) {
                throw new DemoDataException("accepting the convention as " + user.asString(), accepted);
            }
        }
        created++;
        System.out.println("Demo data: the convention of " + clusterId + " is " + tallied.json().path("status").asString());
    }

    /** The expert creates their profile and sets their availability (as themselves); returns their expert id. */
    private String publishExpert(JsonNode expert) {
        String user = expert.path("user").asString();
        String token = passwordToken(user);
        String expertId = claim(token, "sub");
        if (call("GET", "/api/salons/experts/" + expertId, null, null).status() == 404) {
            Response createdProfile = call("POST", "/api/salons/experts", token, expert.path("profile"));
            if (createdProfile.status() != 201) {
                throw new DemoDataException("publishing the profile of " + user, createdProfile);
            }
            created++;
            System.out.println("Demo data: expert " + expert.path("profile").path("name").asString() + " published");
        }
        if (call("GET", "/api/salons/experts/" + expertId + "/availability", token, null).status() == 404) {
            Response set = call("PUT", "/api/salons/experts/" + expertId + "/availability", token, expert.path("availability"));
            if (set.status() != 200) {
                throw new DemoDataException("setting the availability of " + user, set);
            }
            created++;
        }
        return expertId;
    }

    /** The cluster's secretariat publishes the salon; members register (once the salon service knows them). */
    private void holdSalon(JsonNode salon, Map<String, String> expertIds) {
        String clusterId = salon.path("cluster").asString();
        String title = salon.path("title").asString();
        JsonNode existing = null;
        for (JsonNode candidate : call("GET", "/api/salons/clusters/" + clusterId + "/salons?size=100", null, null)
                .json().path("content")) {
            if (title.equals(candidate.path("title").asString())) {
                existing = candidate;
            }
        }
        if (existing == null) {
            java.time.ZoneId zone = java.time.ZoneId.of(salon.path("timeZone").asString());
            java.time.LocalDate day = java.time.LocalDate.now(zone).plusDays(salon.path("daysAhead").asInt(21));
            ObjectNode create = JSON.createObjectNode().put("theme", salon.path("theme").asString()).put("title", title)
                    .put("description", salon.path("description").asString())
                    .put("startsAt", day.atTime(java.time.LocalTime.parse(salon.path("startTime").asString())).toString())
                    .put("endsAt", day.atTime(java.time.LocalTime.parse(salon.path("endTime").asString())).toString())
                    .put("timeZone", zone.getId()).put("venue", salon.path("venue").asString())
                    .put("capacity", salon.path("capacity").asInt()).put("seatsPerEnterprise", salon.path("seatsPerEnterprise").asInt())
                    .put("registrationOpensAt", java.time.LocalDateTime.now(zone).minusHours(1).withNano(0).withSecond(0).toString())
                    .put("registrationClosesAt", day.minusDays(1).atTime(18, 0).toString());
            var experts = create.putArray("expertIds");
            salon.path("experts").forEach(user -> experts.add(expertIds.get(user.asString())));
            Response published = call("POST", "/api/salons/clusters/" + clusterId + "/salons",
                    passwordToken(alliance.path("secretariats").path(clusterId).asString()), create);
            if (published.status() != 201) {
                throw new DemoDataException("publishing the salon " + title, published);
            }
            created++;
            existing = published.json();
            System.out.println("Demo data: salon \"" + salon.path("theme").asString() + "\" published in " + clusterId);
        }
        setProgramme(existing, salon, expertIds);
        if (existing.path("seatsTaken").asInt() > 0) {
            return;
        }
        for (JsonNode registration : salon.path("registrations")) {
            ObjectNode body = JSON.createObjectNode();
            body.set("attendees", registration.path("attendees"));
            String path = "/api/salons/salons/" + existing.path("id").asString() + "/registrations";
            Response registered = call("POST", path, passwordToken(registration.path("user").asString()), body);
            // The salon service learns of new members from membership events: give them a moment to arrive.
            for (int attempt = 0; registered.status() == 403 && attempt < 20; attempt++) {
                pause(java.time.Duration.ofMillis(500));
                registered = call("POST", path, passwordToken(registration.path("user").asString()), body);
            }
            if (registered.status() != 201) {
                throw new DemoDataException("registering " + registration.path("user").asString() + " for " + title, registered);
            }
            created++;
        }
    }

    /**
     * The secretariat sets the salon's programme and opens its sessions; the named experts book theirs and the
     * secretariat confirms those marked confirmed. Skipped once the salon has a programme.
     */
    private void setProgramme(JsonNode existingSalon, JsonNode salon, Map<String, String> expertIds) {
        if (salon.path("programme").isEmpty()) {
            return;
        }
        String secretariat = passwordToken(alliance.path("secretariats").path(salon.path("cluster").asString()).asString());
        String path = "/api/salons/salons/" + existingSalon.path("id").asString() + "/programme";
        Response current = call("GET", path, secretariat, null);
        if (current.status() != 200) {
            throw new DemoDataException("reading the programme of " + salon.path("title").asString(), current);
        }
        if (!current.json().path("slots").isEmpty()) {
            return;
        }
        java.time.LocalDate day = java.time.LocalDateTime.parse(existingSalon.path("localStartsAt").asString()).toLocalDate();
        ObjectNode programme = JSON.createObjectNode();
        var slots = programme.putArray("slots");
        for (JsonNode session : salon.path("programme")) {
            slots.addObject().put("kind", session.path("kind").asString()).put("title", session.path("title").asString())
                    .put("description", session.path("description").asString())
                    .put("startsAt", day.atTime(java.time.LocalTime.parse(session.path("startTime").asString())).toString())
                    .put("endsAt", day.atTime(java.time.LocalTime.parse(session.path("endTime").asString())).toString());
        }
        Response set = require(call("PUT", path, secretariat, programme), 200, "setting the programme of " + salon.path("title").asString());
        created++;
        for (JsonNode slot : set.json().path("slots")) {
            JsonNode session = null;
            for (JsonNode candidate : salon.path("programme")) {
                if (candidate.path("title").asString().equals(slot.path("title").asString())) {
                    session = candidate;
                }
            }
            String slotPath = path + "/" + slot.path("id").asString();
            require(call("POST", slotPath + "/opening", secretariat, null), 200, "opening the session " + slot.path("title").asString());
            if (session == null || !session.hasNonNull("expert")) {
                continue;
            }
            require(call("POST", slotPath + "/booking", passwordToken(session.path("expert").asString()), null), 200,
                    session.path("expert").asString() + " booking the session " + slot.path("title").asString());
            if (session.path("confirmed").asBoolean()) {
                require(call("POST", slotPath + "/confirmation", secretariat, null), 200,
                        "confirming the session " + slot.path("title").asString());
            }
        }
        System.out.println("Demo data: programme of \"" + salon.path("theme").asString() + "\" set, its sessions open");
    }

    /** The enterprise states what it needs help with, so that matching has something to rank experts by. */
    private void stateNeeds(JsonNode needs) {
        String token = passwordToken(needs.path("user").asString());
        if (call("GET", "/api/salons/needs", token, null).status() == 200) {
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("description", needs.path("description").asString());
        body.set("topics", needs.path("topics"));
        body.set("languages", needs.path("languages"));
        body.set("clusters", needs.path("clusters"));
        require(call("PUT", "/api/salons/needs", token, body), 201, "stating the needs of " + needs.path("user").asString());
        created++;
    }

    /**
     * The enterprise books the expert's first free slot from two days ahead; the expert confirms it when marked so.
     * Skipped while the enterprise holds a consultation with that expert.
     */
    private void bookConsultation(JsonNode consultation, Map<String, String> expertIds) {
        String token = passwordToken(consultation.path("user").asString());
        String expertId = expertIds.get(consultation.path("expert").asString());
        for (JsonNode held : call("GET", "/api/salons/consultations?size=100", token, null).json().path("content")) {
            if (expertId.equals(held.path("expertId").asString()) && !"CANCELLED".equals(held.path("state").asString())) {
                return;
            }
        }
        java.time.Instant from = java.time.Instant.now().plus(java.time.Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Response slots = require(call("GET", "/api/salons/experts/" + expertId + "/slots?from=" + from + "&to="
                + from.plus(java.time.Duration.ofDays(21)), null, null), 200, "reading the slots of " + consultation.path("expert").asString());
        if (slots.json().path("slots").isEmpty()) {
            throw new DemoDataException("no free slot of " + consultation.path("expert").asString() + " in three weeks");
        }
        ObjectNode body = JSON.createObjectNode().put("expertId", expertId)
                .put("clusterId", consultation.path("cluster").asString())
                .put("start", slots.json().path("slots").path(0).path("start").asString())
                .put("topic", consultation.path("topic").asString()).put("note", consultation.path("note").asString());
        Response booked = call("POST", "/api/salons/consultations", token, body);
        // The salon service learns of members and their tiers from membership events: give them a moment to arrive.
        for (int attempt = 0; (booked.status() == 403 || booked.status() == 503) && attempt < 20; attempt++) {
            pause(java.time.Duration.ofMillis(500));
            booked = call("POST", "/api/salons/consultations", token, body);
        }
        require(booked, 201, "booking a consultation of " + consultation.path("user").asString());
        created++;
        if (consultation.path("confirmed").asBoolean() && "PENDING".equals(booked.json().path("state").asString())) {
            require(call("POST", "/api/salons/consultations/" + booked.json().path("id").asString() + "/confirmation",
                    passwordToken(consultation.path("expert").asString()), null), 200, "confirming the consultation");
        }
        System.out.println("Demo data: " + consultation.path("user").asString() + " booked a consultation with "
                + consultation.path("expert").asString());
    }

    /**
     * The secretariat drafts and publishes an exchange event with its B2B meeting plan; members register, and one asks
     * another for a meeting, which is accepted. Each step is skipped when it was done already.
     */
    private void holdExchangeEvent(JsonNode event) {
        String clusterId = event.path("cluster").asString();
        String title = event.path("title").asString();
        String secretariat = passwordToken(alliance.path("secretariats").path(clusterId).asString());
        JsonNode existing = null;
        for (JsonNode candidate : call("GET", "/api/events/clusters/" + clusterId + "/events?size=100", secretariat, null)
                .json().path("content")) {
            if (title.equals(candidate.path("title").asString())) {
                existing = candidate;
            }
        }
        java.time.ZoneId zone = java.time.ZoneId.of(event.path("timeZone").asString());
        if (existing == null) {
            java.time.LocalDate day = java.time.LocalDate.now(zone).plusDays(event.path("daysAhead").asInt(35));
            ObjectNode draft = JSON.createObjectNode().put("kind", event.path("kind").asString()).put("title", title)
                    .put("description", event.path("description").asString())
                    .put("startsAt", day.atTime(java.time.LocalTime.parse(event.path("startTime").asString())).toString())
                    .put("endsAt", day.atTime(java.time.LocalTime.parse(event.path("endTime").asString())).toString())
                    .put("timeZone", zone.getId()).put("venue", event.path("venue").asString())
                    .put("capacity", event.path("capacity").asInt()).put("seatsPerEnterprise", event.path("seatsPerEnterprise").asInt())
                    .put("registrationOpensAt", java.time.LocalDateTime.now(zone).minusHours(1).withNano(0).withSecond(0).toString())
                    .put("registrationClosesAt", day.minusDays(2).atTime(18, 0).toString())
                    .put("visibility", event.path("visibility").asString())
                    .put("registrationPolicy", event.path("registrationPolicy").asString());
            var agenda = draft.putArray("agenda");
            for (JsonNode session : event.path("agenda")) {
                ObjectNode item = agenda.addObject().put("title", session.path("title").asString())
                        .put("startsAt", day.atTime(java.time.LocalTime.parse(session.path("startTime").asString())).toString())
                        .put("endsAt", day.atTime(java.time.LocalTime.parse(session.path("endTime").asString())).toString());
                item.set("speakers", session.path("speakers"));
            }
            existing = require(call("POST", "/api/events/clusters/" + clusterId + "/events", secretariat, draft), 201,
                    "drafting the event " + title).json();
            created++;
        }
        String eventId = existing.path("id").asString();
        if ("DRAFT".equals(existing.path("status").asString())) {
            require(call("POST", "/api/events/events/" + eventId + "/publication", secretariat, null), 200,
                    "publishing the event " + title);
            created++;
            System.out.println("Demo data: exchange event \"" + title + "\" published in " + clusterId);
        }
        planMeetings(eventId, existing, event.path("meetingSlots"), secretariat, zone);
        Map<String, String> registered = new LinkedHashMap<>();
        for (JsonNode registration : event.path("registrations")) {
            String user = registration.path("user").asString();
            String path = "/api/events/events/" + eventId + "/registrations";
            if (call("GET", path, passwordToken(user), null).json().path("content").isEmpty()) {
                ObjectNode body = JSON.createObjectNode();
                body.set("attendees", registration.path("attendees"));
                Response done = call("POST", path, passwordToken(user), body);
                // events-service learns of members and tiers from membership events: give them a moment to arrive
                for (int attempt = 0; (done.status() == 403 || done.status() == 503) && attempt < 20; attempt++) {
                    pause(java.time.Duration.ofMillis(500));
                    done = call("POST", path, passwordToken(user), body);
                }
                require(done, 201, "registering " + user + " for " + title);
                created++;
            }
            registered.put(user, enterpriseOf.get(user));
        }
        for (JsonNode meeting : event.path("meetings")) {
            meet(eventId, meeting, registered);
        }
    }

    /** The secretariat lays out the event's B2B meeting slots and tables, once. */
    private void planMeetings(String eventId, JsonNode event, JsonNode plan, String secretariat, java.time.ZoneId zone) {
        String path = "/api/events/events/" + eventId + "/meeting-slots";
        if (plan.isMissingNode() || call("GET", path, secretariat, null).status() == 200) {
            return;
        }
        java.time.LocalDate day = java.time.Instant.parse(event.path("startsAt").asString()).atZone(zone).toLocalDate();
        ObjectNode body = JSON.createObjectNode();
        var slots = body.putArray("slots");
        for (JsonNode slot : plan.path("slots")) {
            slots.addObject().put("startsAt", day.atTime(java.time.LocalTime.parse(slot.path(0).asString())).toString())
                    .put("endsAt", day.atTime(java.time.LocalTime.parse(slot.path(1).asString())).toString());
        }
        var tables = body.putArray("tables");
        plan.path("tables").forEach(name -> tables.addObject().put("name", name.asString()));
        require(call("PUT", path, secretariat, body), 200, "planning the B2B meetings");
        created++;
    }

    /** One registered enterprise asks another for a meeting in a slot; the other accepts. Once. */
    private void meet(String eventId, JsonNode meeting, Map<String, String> registered) {
        String from = passwordToken(meeting.path("from").asString());
        String path = "/api/events/events/" + eventId + "/meetings";
        if (!call("GET", path, from, null).json().path("meetings").isEmpty()) {
            return;
        }
        String slotId = call("GET", "/api/events/events/" + eventId + "/meeting-slots", from, null).json()
                .path("slots").path(meeting.path("slot").asInt()).path("id").asString();
        ObjectNode request = JSON.createObjectNode().put("withEnterpriseId", registered.get(meeting.path("with").asString()))
                .put("slotId", slotId).put("message", meeting.path("message").asString());
        Response requested = require(call("POST", path, from, request), 201, "requesting a B2B meeting");
        created++;
        if (meeting.path("accepted").asBoolean()) {
            require(call("POST", "/api/events/meetings/" + requested.json().path("id").asString() + "/acceptance",
                    passwordToken(meeting.path("with").asString()), null), 200, "accepting the B2B meeting");
        }
    }

    /** A member puts a need or an offer on its cluster's cooperation board, once (by title). */
    private void post(JsonNode post) {
        String token = passwordToken(post.path("user").asString());
        String clusterId = post.path("cluster").asString();
        String enterpriseId = enterpriseOf.get(post.path("user").asString());
        for (JsonNode mine : call("GET", "/api/events/clusters/" + clusterId + "/posts?enterpriseId=" + enterpriseId
                + "&size=100", token, null).json().path("content")) {
            if (post.path("title").asString().equals(mine.path("title").asString())) {
                return;
            }
        }
        ObjectNode body = JSON.createObjectNode().put("kind", post.path("kind").asString())
                .put("category", post.path("category").asString()).put("title", post.path("title").asString())
                .put("description", post.path("description").asString()).put("region", post.path("region").asString())
                .put("validUntil", java.time.Instant.now().plus(java.time.Duration.ofDays(post.path("validDays").asInt(90)))
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        body.set("tags", post.path("tags"));
        require(call("POST", "/api/events/clusters/" + clusterId + "/posts", token, body), 201,
                "posting \"" + post.path("title").asString() + "\"");
        created++;
    }

    /** The secretariat uploads a brand kit file with its metadata and publishes it, once (by title). */
    private void publishAsset(JsonNode asset) {
        String clusterId = asset.path("cluster").asString();
        String title = asset.path("metadata").path("title").asString();
        String secretariat = passwordToken(alliance.path("secretariats").path(clusterId).asString());
        JsonNode existing = null;
        for (JsonNode candidate : call("GET", "/api/assets/clusters/" + clusterId + "/assets?size=100", secretariat, null)
                .json().path("content")) {
            if (title.equals(candidate.path("title").asString())) {
                existing = candidate;
            }
        }
        if (existing == null) {
            byte[] file;
            try (InputStream in = DemoData.class.getResourceAsStream("/demo/brand-kit/" + asset.path("file").asString())) {
                if (in == null) {
                    throw new DemoDataException("the brand kit file " + asset.path("file").asString() + " is missing");
                }
                file = in.readAllBytes();
            } catch (IOException e) {
                throw new DemoDataException("reading the brand kit file " + asset.path("file").asString() + ": " + e.getMessage());
            }
            Multipart upload = new Multipart()
                    .part("metadata", null, "application/json", JSON.writeValueAsBytes(asset.path("metadata")))
                    .part("file", asset.path("file").asString(), asset.path("contentType").asString(), file);
            existing = require(send("POST", gateway + "/api/assets/clusters/" + clusterId + "/assets", secretariat,
                            upload.contentType(), HttpRequest.BodyPublishers.ofByteArray(upload.bytes())),
                    201, "uploading " + title).json();
            created++;
        }
        if (existing.path("currentVersion").isNull() || existing.path("currentVersion").isMissingNode()) {
            require(call("POST", "/api/assets/assets/" + existing.path("id").asString() + "/versions/1/publication",
                    secretariat, null), 200, "publishing " + title);
            created++;
            System.out.println("Demo data: brand kit \"" + title + "\" published in " + clusterId);
        }
    }

    /** A multipart/form-data body, built in memory (the demo files are small). */
    private static final class Multipart {

        private final String boundary = "demo-" + java.util.UUID.randomUUID();
        private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();

        Multipart part(String name, String filename, String contentType, byte[] content) {
            String disposition = "form-data; name=\"" + name + "\"" + (filename == null ? "" : "; filename=\"" + filename + "\"");
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: "
                    + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        byte[] bytes() {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            all.writeBytes(body.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }
    }

    private static Response require(Response response, int status, String what) {
        if (response.status() != status) {
            throw new DemoDataException(what, response);
        }
        return response;
    }

    private static void pause(java.time.Duration duration) {
        if (duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoDataException("interrupted");
        }
    }

    private void foundCluster(JsonNode cluster) {
        ObjectNode request = ((ObjectNode) cluster.deepCopy());
        Response response = call("POST", "/api/membership/clusters", passwordToken("alliance-admin"), request);
        if (response.status() == 201) {
            created++;
            System.out.println("Demo data: founded cluster " + cluster.path("id").asString());
        } else if (response.status() != 409) {
            throw new DemoDataException("founding cluster " + cluster.path("id").asString(), response);
        }
    }

    private String register(JsonNode enterprise, String token) {
        ObjectNode request = JSON.createObjectNode();
        for (String field : List.of("legalName", "creditCode", "region", "industry", "size", "website")) {
            if (enterprise.has(field)) {
                request.set(field, enterprise.get(field));
            }
        }
        if (enterprise.has("trademarks")) {
            request.set("trademarks", enterprise.get("trademarks"));
        }
        Response response = call("POST", "/api/membership/enterprises", token, request);
        if (response.status() != 201) {
            throw new DemoDataException("registering " + enterprise.path("legalName").asString(), response);
        }
        created++;
        System.out.println("Demo data: registered " + enterprise.path("legalName").asString());
        return response.json().path("enterprise").path("id").asString();
    }

    /** Brings the enterprise's membership of its cluster to the demo state: ACTIVE, SUBMITTED or REJECTED. */
    private void joinCluster(JsonNode enterprise, String enterpriseId, String token) {
        String clusterId = enterprise.path("cluster").asString();
        String state = enterprise.path("state").asString();
        Response membership = call("GET", "/api/membership/clusters/" + clusterId + "/members/" + enterpriseId, token, null);
        if (membership.status() == 200) {
            if ("SUSPENDED".equals(state) && "ACTIVE".equals(membership.json().path("status").asString())) {
                suspend(enterprise, clusterId, enterpriseId);
            }
            return;
        }
        String secretariat = alliance.path("secretariats").path(clusterId).asString(null);
        String secretariatToken = secretariat == null ? null : passwordToken(secretariat);
        JsonNode existing = secretariatToken == null ? null : applicationOf(clusterId, enterpriseId, secretariatToken);
        String applicationId;
        if (existing != null) {
            if (!"SUBMITTED".equals(existing.path("status").asString())) {
                return;
            }
            applicationId = existing.path("id").asString();
        } else {
            Response applied = call("POST", "/api/membership/clusters/" + clusterId + "/applications", token,
                    JSON.createObjectNode().put("tier", enterprise.path("tier").asString())
                            .put("motivation", "We want to build the " + clusterId + " brand together."));
            if (applied.status() == 409) {
                return; // open already, and no secretariat in the demo to decide it
            }
            if (applied.status() != 201) {
                throw new DemoDataException("applying for " + enterprise.path("legalName").asString(), applied);
            }
            created++;
            applicationId = applied.json().path("id").asString();
        }
        if (secretariatToken == null || "SUBMITTED".equals(state)) {
            return;
        }
        Response decided = "REJECTED".equals(state)
                ? call("POST", "/api/membership/applications/" + applicationId + "/rejection", secretariatToken,
                        JSON.createObjectNode().put("reason", enterprise.path("reason").asString("Not eligible yet.")))
                : call("POST", "/api/membership/applications/" + applicationId + "/approval", secretariatToken, null);
        if (decided.status() != 200) {
            throw new DemoDataException("deciding the application of " + enterprise.path("legalName").asString(), decided);
        }
        created++;
        System.out.println("Demo data: " + enterprise.path("legalName").asString() + " is "
                + ("SUSPENDED".equals(state) ? "ACTIVE" : state) + " in " + clusterId);
        if ("SUSPENDED".equals(state)) {
            suspend(enterprise, clusterId, enterpriseId);
        }
    }

    private void suspend(JsonNode enterprise, String clusterId, String enterpriseId) {
        Response suspended = call("POST", "/api/membership/clusters/" + clusterId + "/members/" + enterpriseId + "/suspension",
                passwordToken(alliance.path("secretariats").path(clusterId).asString()),
                JSON.createObjectNode().put("reason", enterprise.path("reason").asString("Suspended by the secretariat.")));
        if (suspended.status() != 200) {
            throw new DemoDataException("suspending " + enterprise.path("legalName").asString(), suspended);
        }
        created++;
        System.out.println("Demo data: " + enterprise.path("legalName").asString() + " is SUSPENDED in " + clusterId);
    }

    private JsonNode applicationOf(String clusterId, String enterpriseId, String secretariatToken) {
        Response queue = call("GET", "/api/membership/clusters/" + clusterId + "/applications", secretariatToken, null);
        if (queue.status() != 200) {
            throw new DemoDataException("reading the applications of " + clusterId, queue);
        }
        for (JsonNode application : queue.json()) {
            if (enterpriseId.equals(application.path("enterpriseId").asString())) {
                return application;
            }
        }
        return null;
    }

    /** The demo user's token; users the realm does not ship are created first, with the enterprise role. */
    private String enterpriseUserToken(JsonNode enterprise) {
        String username = enterprise.path("user").asString();
        HttpResponse<String> grant = passwordGrant(username);
        if (grant.statusCode() == 200) {
            return JSON.readTree(grant.body()).path("access_token").asString();
        }
        createUser(username, "Demo", enterprise.path("legalName").asString(), "enterprise");
        return passwordToken(username);
    }

    /** A demo user the realm does not ship; with the realm role, or none when an appointment gives it later. */
    private void createUser(String username, String firstName, String lastName, String realmRole) {
        String admin = adminToken();
        ObjectNode user = JSON.createObjectNode()
                .put("username", username).put("enabled", true).put("emailVerified", true)
                .put("email", username + "@demo.brandcluster.test")
                .put("firstName", firstName).put("lastName", lastName);
        user.putArray("credentials").addObject().put("type", "password").put("value", DEMO_PASSWORD).put("temporary", false);
        Response createdUser = keycloakAdmin("POST", "/users", admin, user);
        if (createdUser.status() != 201 && createdUser.status() != 409) {
            throw new DemoDataException("creating the demo user " + username, createdUser);
        }
        if (realmRole != null) {
            Response found = keycloakAdmin("GET", "/users?exact=true&username=" + encode(username), admin, null);
            String userId = found.json().path(0).path("id").asString();
            JsonNode role = keycloakAdmin("GET", "/roles/" + realmRole, admin, null).json();
            Response mapped = keycloakAdmin("POST", "/users/" + userId + "/role-mappings/realm", admin,
                    JSON.createArrayNode().add(role));
            if (mapped.status() != 204) {
                throw new DemoDataException("giving " + username + " the " + realmRole + " role", mapped);
            }
        }
        created++;
        System.out.println("Demo data: created demo user " + username);
    }

    private String passwordToken(String username) {
        HttpResponse<String> grant = passwordGrant(username);
        if (grant.statusCode() != 200) {
            throw new DemoDataException("signing in as " + username, new Response(grant.statusCode(), grant.body()));
        }
        return JSON.readTree(grant.body()).path("access_token").asString();
    }

    private HttpResponse<String> passwordGrant(String username) {
        return form(keycloak + "/realms/" + REALM + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "portal-cli", "username", username, "password", DEMO_PASSWORD));
    }

    private String adminToken() {
        HttpResponse<String> grant = form(keycloak + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", adminUser, "password", adminPassword));
        if (grant.statusCode() != 200) {
            throw new DemoDataException("signing in to Keycloak as its admin '" + adminUser + "'",
                    new Response(grant.statusCode(), grant.body()));
        }
        return JSON.readTree(grant.body()).path("access_token").asString();
    }

    private Response keycloakAdmin(String method, String path, String token, JsonNode body) {
        return send(method, keycloak + "/admin/realms/" + REALM + path, token, body);
    }

    private Response call(String method, String path, String token, JsonNode body) {
        return send(method, gateway + path, token, body);
    }

    private static Response send(String method, String url, String token, JsonNode body) {
        return body == null ? send(method, url, token, null, HttpRequest.BodyPublishers.noBody())
                : send(method, url, token, "application/json",
                        HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private static Response send(String method, String url, String token, String contentType,
                                 HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // The gateway's rate limits: wait as long as it says (Retry-After) and send the request again.
            for (int retry = 0; response.statusCode() == 429 && retry < MAX_RATE_LIMIT_RETRIES; retry++) {
                Duration wait = retryAfter(response);
                System.out.println("Demo data: the gateway's rate limit, waiting " + wait.toSeconds() + " s");
                Thread.sleep(wait.toMillis());
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new DemoDataException(method + " " + url + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoDataException("interrupted");
        }
    }

    /** The seconds a 429 answer's {@code Retry-After} asks for (1 to 30; 1 when it says nothing usable). */
    static Duration retryAfter(HttpResponse<?> response) {
        long seconds = response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                return 1L;
            }
        }).orElse(1L);
        return Duration.ofSeconds(Math.clamp(seconds, 1, 30));
    }

    private static HttpResponse<String> form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoDataException("POST " + url + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoDataException("interrupted");
        }
    }

    /** A claim of a JWT's payload, read without verification: only to learn what the token says about its user. */
    static String claim(String jwt, String name) {
        String[] parts = jwt.split("\\.");
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        JsonNode value = payload.path(name);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    static JsonNode readAlliance() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/alliance.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    static final class DemoDataException extends RuntimeException {

        DemoDataException(String message) {
            super(message);
        }

        DemoDataException(String doing, Response response) {
            super(doing + " failed with HTTP " + response.status() + ": " + abbreviate(response.body()));
        }

        private static String abbreviate(String body) {
            return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
        }
    }
}
