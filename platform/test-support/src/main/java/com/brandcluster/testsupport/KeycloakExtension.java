package com.brandcluster.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real Keycloak server for system tests: one instance per JVM, started on first use from the distribution
 * {@code org.keycloak:keycloak-quarkus-dist:<version>:zip} with {@code kc.sh start-dev --import-realm} and the
 * project's realm {@code infra/keycloak/brand-cluster-realm.json}, in an in-memory database (every JVM starts from the
 * pristine realm), on a free port with the fixed hostname {@code http://localhost:<port>}; stopped with its whole
 * process tree when the JVM exits.
 * <p>
 * Where things come from (system properties, normally set by the failsafe configuration of system-tests):
 * <ul>
 * <li>{@code keycloak.dist.dir}: the directory Maven unpacked the distribution into (the dist root, or a directory
 * holding one {@code keycloak-*} root). Without it, the zip is taken from the local Maven repository
 * ({@code maven.repo.local} or {@code ~/.m2/repository}) and unpacked into {@code target/keycloak};</li>
 * <li>{@code keycloak.realm.file}: the realm file; without it, {@code infra/keycloak/brand-cluster-realm.json} is
 * looked for upwards from the working directory;</li>
 * <li>{@code keycloak.version}: default {@value #DEFAULT_VERSION};</li>
 * <li>{@code keycloak.log.file}: the server's output; default {@code target/keycloak.log}.</li>
 * </ul>
 * The tests' realm hashes passwords cheaply ({@value #TEST_PASSWORD_POLICY}; production keeps Keycloak's argon2,
 * ~85 ms of CPU per password grant). {@link #passwordToken} still keeps one token per user until shortly before it
 * expires. A user's password grants are made one at a time: with brute-force detection on, Keycloak 26 refuses a
 * login that overlaps another of the same user ("Invalid user credentials"), so threads that find the user's token
 * expiring together would otherwise lock each other out.
 */
public final class KeycloakExtension implements BeforeAllCallback {

    public static final String REALM = "brand-cluster";
    public static final String DEFAULT_VERSION = "26.7.3";
    /** The public client with direct access grants that password tokens are issued to. */
    public static final String CLI_CLIENT = "portal-cli";
    public static final String GATEWAY_CLIENT = "portal-gateway";
    public static final String MEMBERSHIP_CLIENT = "membership-service";
    /** The demo users' password (dev only). */
    public static final String DEMO_PASSWORD = "demo-pass";
    /** The password policy of the tests' realm: cheap hashing (see {@code withCheapPasswordHashing}). */
    public static final String TEST_PASSWORD_POLICY = "hashAlgorithm(pbkdf2-sha256) and hashIterations(1000)";

    private static final Logger log = LoggerFactory.getLogger(KeycloakExtension.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration TOKEN_REUSE_MARGIN = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();
    private static final Map<String, Object> grantsInProgress = new ConcurrentHashMap<>();
    private static volatile Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /** {@code http://localhost:<port>}. Starts Keycloak if needed. */
    public static String baseUrl() {
        return start().baseUrl;
    }

    /** {@code http://localhost:<port>/realms/brand-cluster}, the {@code iss} of the realm's tokens. */
    public static String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public static String jwkSetUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    public static String tokenUri() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    /** The management interface ({@code /health/ready}...), {@code http://localhost:<management port>}. */
    public static String managementUrl() {
        return "http://localhost:" + start().managementPort;
    }

    /** The unpacked distribution the server runs from. */
    public static Path home() {
        return start().home;
    }

    /** The server's log file. */
    public static Path logFile() {
        return start().logFile;
    }

    /** The secret of the confidential client {@code portal-gateway} (env {@code BC_PORTAL_GATEWAY_SECRET} or the dev default). */
    public static String portalGatewaySecret() {
        return Support.env("BC_PORTAL_GATEWAY_SECRET", "dev-portal-gateway-secret");
    }

    /** The secret of {@code membership-service} (env {@code BC_MEMBERSHIP_SERVICE_SECRET} or the dev default). */
    public static String membershipServiceSecret() {
        return Support.env("BC_MEMBERSHIP_SERVICE_SECRET", "dev-membership-service-secret");
    }

    /** The secret of {@code notification-service} (env {@code BC_NOTIFICATION_SERVICE_SECRET} or the dev default). */
    public static String notificationServiceSecret() {
        return Support.env("BC_NOTIFICATION_SERVICE_SECRET", "dev-notification-service-secret");
    }

    /**
     * An access token for the user from a password grant of {@code portal-cli}; the same token is returned again
     * until a minute before it expires. After changing the user in Keycloak, use {@link #freshPasswordToken}.
     */
    public static String passwordToken(String username, String password) {
        String key = username + '\u0000' + password;
        CachedToken cached = tokens.get(key);
        if (cached != null && cached.reusable()) {
            return cached.token;
        }
        synchronized (grantLock(key)) {
            // another thread may have fetched it while this one waited
            cached = tokens.get(key);
            return cached != null && cached.reusable() ? cached.token : freshPasswordToken(username, password);
        }
    }

    /** A new access token for the user (replaces the cached one), e.g. after their attributes changed. */
    public static String freshPasswordToken(String username, String password) {
        String key = username + '\u0000' + password;
        synchronized (grantLock(key)) {
            JsonNode response = tokenRequest(REALM, Map.of("grant_type", "password", "client_id", CLI_CLIENT,
                    "username", username, "password", password, "scope", "openid"));
            String token = response.path("access_token").asString();
            tokens.put(key, new CachedToken(token, Instant.now().plusSeconds(response.path("expires_in").asLong(60))));
            return token;
        }
    }

    private static Object grantLock(String key) {
        return grantsInProgress.computeIfAbsent(key, k -> new Object());
    }

    /** An access token of a confidential client from a client credentials grant (not cached). */
    public static String clientCredentialsToken(String clientId, String clientSecret) {
        return tokenRequest(REALM, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret)).path("access_token").asString();
    }

    /**
     * The raw answer of the realm's token endpoint for a form, whatever its status (for tests of refused grants).
     */
    public static HttpResponse<String> tokenEndpoint(Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                .build());
    }

    /** The master realm's bootstrap admin (a random password per JVM), for tools that administer Keycloak themselves. */
    public static String adminUsername() {
        return start().adminUsername;
    }

    public static String adminPassword() {
        return start().adminPassword;
    }

    /** An access token of the master realm's bootstrap administrator (cached until shortly before expiry). */
    public static String adminToken() {
        Server s = start();
        CachedToken cached = tokens.get("\u0000admin");
        if (cached != null && Instant.now().isBefore(cached.expiresAt.minus(TOKEN_REUSE_MARGIN))) {
            return cached.token;
        }
        JsonNode response = tokenRequest("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", s.adminUsername, "password", s.adminPassword));
        String token = response.path("access_token").asString();
        tokens.put("\u0000admin", new CachedToken(token,
                Instant.now().plusSeconds(response.path("expires_in").asLong(60))));
        return token;
    }

    /** Admin REST helper for the realm, acting as the master realm administrator. */
    public static KeycloakAdmin admin() {
        return new KeycloakAdmin(baseUrl(), REALM, KeycloakExtension::adminToken);
    }

    /** Admin REST helper for the realm acting with the given bearer token (e.g. a service account's). */
    public static KeycloakAdmin admin(String bearerToken) {
        return new KeycloakAdmin(baseUrl(), REALM, () -> bearerToken);
    }

    /** The claims of a JWT (payload decoded, signature not checked: for assertions on tokens Keycloak issued). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JWT");
        }
        return Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private static JsonNode tokenRequest(String realm, Map<String, String> form) {
        String uri = baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the " + form.get("grant_type") + " grant for "
                    + form.getOrDefault("username", form.get("client_id")) + " in realm " + realm + ": "
                    + response.statusCode() + " " + response.body());
        }
        return Json.parse(response.body());
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Calling Keycloak failed: " + request.method() + " " + request.uri(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Keycloak", ex);
        }
    }

    private static Server start() {
        Server current = server;
        if (current == null) {
            synchronized (KeycloakExtension.class) {
                current = server;
                if (current == null) {
                    current = Server.launch();
                    server = current;
                }
            }
        }
        return current;
    }

    private record CachedToken(String token, Instant expiresAt) {

        boolean reusable() {
            return Instant.now().isBefore(expiresAt.minus(TOKEN_REUSE_MARGIN));
        }
    }

    private static final class Server {

        final Path home;
        final Path logFile;
        final String baseUrl;
        final int managementPort;
        final String adminUsername = "admin";
        final String adminPassword = "admin-" + UUID.randomUUID();
        Process process;

        private Server(Path home, Path logFile, int port, int managementPort) {
            this.home = home;
            this.logFile = logFile;
            this.baseUrl = "http://localhost:" + port;
            this.managementPort = managementPort;
        }

        static Server launch() {
            Path home = distribution();
            Path realmFile = realmFile();
            Path logFile = Path.of(System.getProperty("keycloak.log.file", "target/keycloak.log")).toAbsolutePath();
            int port = Support.freePort();
            int managementPort = Support.freePort();
            Server server = new Server(home, logFile, port, managementPort);
            // Only one Keycloak may (re)build the distribution at a time: hold a lock until this one is ready.
            try (FileChannel channel = FileChannel.open(home.resolve(".bc-start.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                server.start(realmFile, port, managementPort);
                server.awaitReady();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not start Keycloak from " + home, ex);
            }
            return server;
        }

        private void start(Path realmFile, int port, int managementPort) throws IOException {
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            try (Stream<Path> old = Files.list(importDir)) {
                for (Path file : old.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.writeString(importDir.resolve(realmFile.getFileName()), withCheapPasswordHashing(realmFile));
            Files.createDirectories(logFile.getParent());

            List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--db=dev-mem",
                    "--import-realm",
                    "--http-port=" + port,
                    "--hostname=http://localhost:" + port,
                    "--health-enabled=true",
                    "--http-management-port=" + managementPort);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_")
                    || name.startsWith("QUARKUS_") || name.equals("JAVA_OPTS") || name.equals("JAVA_OPTS_APPEND"));
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUsername);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            log.info("Starting Keycloak {} on port {} (log: {})", home.getFileName(), port, logFile);
            process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "keycloak-extension-shutdown"));
        }

        /**
         * The realm as the tests import it: Keycloak's default argon2 hashing costs ~85 ms of CPU for every password
         * set and every password grant, and the tests create hundreds of users and log them in; the tests' realm
         * hashes with {@value #TEST_PASSWORD_POLICY} instead. A realm file with its own password policy keeps it.
         * The realm file production and {@code ./portal up} import is not changed.
         */
        private static String withCheapPasswordHashing(Path realmFile) throws IOException {
            JsonNode realm = Json.parse(Files.readString(realmFile));
            if (realm instanceof ObjectNode object && !object.has("passwordPolicy")) {
                object.put("passwordPolicy", TEST_PASSWORD_POLICY);
            }
            return Json.write(realm);
        }

        private void awaitReady() {
            Instant started = Instant.now();
            Instant deadline = started.plus(STARTUP_TIMEOUT);
            URI probe = URI.create(baseUrl + "/realms/" + REALM + "/.well-known/openid-configuration");
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                            + " while starting. Last lines of " + logFile + ":\n" + tail());
                }
                try {
                    HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(probe)
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        log.info("Keycloak ready at {} after {} s", baseUrl,
                                Duration.between(started, Instant.now()).toSeconds());
                        return;
                    }
                }
                catch (IOException ex) {
                    // not listening yet
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    stop();
                    throw new IllegalStateException("Interrupted while waiting for Keycloak", ex);
                }
                if (Instant.now().isAfter(deadline)) {
                    stop();
                    throw new IllegalStateException("Keycloak did not answer " + probe + " within "
                            + STARTUP_TIMEOUT.toSeconds() + " s. Last lines of " + logFile + ":\n" + tail());
                }
                try {
                    Thread.sleep(500);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    stop();
                    throw new IllegalStateException("Interrupted while waiting for Keycloak", ex);
                }
            }
        }

        void stop() {
            Process p = process;
            if (p == null || !p.isAlive()) {
                return;
            }
            List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
            tree.add(p.toHandle());
            tree.forEach(ProcessHandle::destroy);
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    tree.forEach(ProcessHandle::destroyForcibly);
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                tree.forEach(ProcessHandle::destroyForcibly);
            }
        }

        private String tail() {
            try {
                List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            }
            catch (IOException | UncheckedIOException ex) {
                return "(no log: " + ex.getMessage() + ")";
            }
        }
    }

    /** The distribution's root directory (containing {@code bin/kc.sh}), unpacking it first if needed. */
    static Path distribution() {
        String version = System.getProperty("keycloak.version", DEFAULT_VERSION);
        String configured = System.getProperty("keycloak.dist.dir");
        if (configured != null && !configured.isBlank()) {
            Path root = findRoot(Path.of(configured));
            if (root != null) {
                return root;
            }
            log.warn("keycloak.dist.dir={} holds no Keycloak distribution; unpacking it from the local repository",
                    configured);
        }
        Path target = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("target/keycloak");
        target = target.toAbsolutePath();
        Path root = findRoot(target);
        if (root != null) {
            return root;
        }
        Path zip = localRepository().resolve("org/keycloak/keycloak-quarkus-dist/" + version
                + "/keycloak-quarkus-dist-" + version + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("The Keycloak distribution is not in the local Maven repository (" + zip
                    + "). Fetch it with `./mvnw dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:"
                    + version + ":zip` (or run the tests through Maven, whose system-tests build unpacks it), or "
                    + "set -Dkeycloak.dist.dir to an unpacked distribution.");
        }
        unzip(zip, target);
        root = findRoot(target);
        if (root == null) {
            throw new IllegalStateException("Unpacking " + zip + " into " + target + " gave no bin/kc.sh");
        }
        return root;
    }

    private static Path findRoot(Path dir) {
        if (Files.isRegularFile(dir.resolve("bin/kc.sh"))) {
            return dir;
        }
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(child -> child.getFileName().toString().startsWith("keycloak-"))
                    .filter(child -> Files.isRegularFile(child.resolve("bin/kc.sh")))
                    .sorted(Comparator.reverseOrder())
                    .findFirst()
                    .orElse(null);
        }
        catch (IOException ex) {
            return null;
        }
    }

    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static void unzip(Path zip, Path target) {
        log.info("Unpacking {} into {}", zip, target);
        try {
            Files.createDirectories(target);
            Path staging = Files.createTempDirectory(target, ".unpack-");
            try (ZipFile zipFile = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = zipFile.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    Path out = staging.resolve(entry.getName()).normalize();
                    if (!out.startsWith(staging)) {
                        throw new IllegalStateException("Zip entry outside the target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                        continue;
                    }
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zipFile.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (out.getFileName().toString().endsWith(".sh")) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
            try (Stream<Path> roots = Files.list(staging)) {
                for (Path root : roots.toList()) {
                    Path destination = target.resolve(root.getFileName());
                    if (!Files.exists(destination)) {
                        Files.move(root, destination, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
            deleteRecursively(staging);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not unpack " + zip + " into " + target, ex);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The realm file: {@code keycloak.realm.file}, or {@code infra/keycloak/brand-cluster-realm.json} upwards. */
    static Path realmFile() {
        String configured = System.getProperty("keycloak.realm.file");
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured).toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("keycloak.realm.file=" + configured + " does not exist");
            }
            return file;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("infra/keycloak/brand-cluster-realm.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No realm file: set -Dkeycloak.realm.file or run from inside the project "
                + "(infra/keycloak/brand-cluster-realm.json)");
    }
}
