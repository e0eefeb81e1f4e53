package com.brandcluster.system.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps {@code docker-compose.yml}, the {@code Dockerfile}, {@code .env.example} and {@code .gitignore} true to the
 * services, without Docker: there is no Docker engine on the development machines, so nothing here runs a container.
 *
 * <p>The services are discovered, not listed: every module of the reactor that {@code spring-boot-maven-plugin}
 * packages and whose {@code application.yml} sets {@code server.port} is a service compose must run. A new service
 * (notification-service) is therefore checked as soon as it exists; Boot-packaged tools without a port (demo-data,
 * local-mongo) are not services. What a service needs is read from its own {@code application.yml}: the
 * {@code ${VAR:default}} placeholders. {@code docker-compose.yml} is read the way compose reads it after
 * {@code cp .env.example .env}: YAML anchors merged, {@code ${VAR}}, {@code ${VAR:-default}} and {@code ${VAR:?error}}
 * interpolated from {@code .env.example}.
 *
 * <p>Every check collects all mismatches and fails once, naming the compose service and what does not match.
 */
class DockerComposeTest {

    /** Spring Boot's default layers (BOOT-INF/layers.idx), in the order they belong in an image. */
    private static final List<String> BOOT_LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    /** A Spring placeholder: ${NAME} or ${NAME:default}. */
    private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    /** How environment variables are spelt (as opposed to ${other.property} references). */
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");

    /** What a service's health check must ask: its own readiness group, on its own port. */
    private static final Pattern READINESS_URL =
            Pattern.compile("https?://(?:127\\.0\\.0\\.1|localhost):(\\d+)/actuator/health/readiness");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path root;
    private static Map<String, EnvEntry> envExample;
    private static Interpolator interpolator;
    private static Compose compose;
    private static List<ServiceModule> modules;
    private static Map<ServiceModule, String> composeServiceOf;
    private static String mongodb;
    private static String rabbitmq;
    private static String keycloak;

    @BeforeAll
    static void readProject() {
        root = projectRoot();
        envExample = readEnvExample(root.resolve(".env.example"));
        interpolator = new Interpolator(envExample);
        compose = Compose.read(root.resolve("docker-compose.yml"), interpolator);
        modules = discoverServiceModules(root);
        if (modules.isEmpty()) {
            fail("No service module found: expected modules of " + root.resolve("pom.xml")
                    + " packaged by spring-boot-maven-plugin with server.port in src/main/resources/application.yml");
        }
        composeServiceOf = new LinkedHashMap<>();
        for (ServiceModule module : modules) {
            compose.serviceBuilding(module.path()).ifPresent(service -> composeServiceOf.put(module, service));
        }
        mongodb = compose.serviceWithImage("mongo").orElse(null);
        rabbitmq = compose.serviceWithImage("rabbitmq").orElse(null);
        keycloak = compose.serviceWithImage("keycloak/keycloak").orElse(null);
    }

    // ---- the services --------------------------------------------------------------------------------------------

    @Test
    void runsEveryServiceModuleBuiltFromTheSharedDockerfile() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : modules) {
            String service = composeServiceOf.get(module);
            if (service == null) {
                problems.add("module " + module.path() + " is a service (spring-boot-maven-plugin, server.port) but no"
                        + " service in docker-compose.yml is built from it (build.args.MODULE: " + module.path() + ")");
                continue;
            }
            Map<String, Object> build = compose.build(service);
            Path context = root.resolve(String.valueOf(build.getOrDefault("context", "."))).normalize();
            if (!context.equals(root)) {
                problems.add(service + ": build.context is " + context + ", expected the repository root " + root
                        + " (the reactor)");
            }
            Path dockerfile = context.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile")))
                    .normalize();
            if (!dockerfile.equals(root.resolve("Dockerfile"))) {
                problems.add(service + ": build.dockerfile is " + dockerfile + ", expected the shared "
                        + root.resolve("Dockerfile"));
            }
            String image = compose.string(service, "image");
            if (image == null || !imageRepository(image).endsWith("/" + module.name())
                    && !imageRepository(image).equals(module.name())) {
                problems.add(service + ": image is " + image + ", expected an image named after the module, e.g. "
                        + "brandcluster/" + module.name() + ":<tag>");
            }
            requireRestartPolicy(service, problems);
        }
        for (String service : compose.serviceNames()) {
            String module = compose.buildArgs(service).get("MODULE");
            if (compose.build(service).isEmpty()) {
                continue;
            }
            if (module == null) {
                problems.add(service + ": is built from the Dockerfile without build.args.MODULE");
            } else if (modules.stream().noneMatch(m -> m.path().equals(module))) {
                problems.add(service + ": build.args.MODULE is " + module + ", which is not a service module of the"
                        + " reactor (spring-boot-maven-plugin and server.port); service modules: "
                        + modules.stream().map(ServiceModule::path).toList());
            }
        }
        assertNoProblems("the service modules", problems);
    }

    @Test
    void publishesTheServicePort() {
        List<String> problems = new ArrayList<>();
        forEachService((module, service) -> {
            Map<String, String> env = compose.environment(service);
            String port = module.effective("server.port", env);
            Set<String> containerPorts = new TreeSet<>();
            compose.ports(service).forEach(p -> containerPorts.add(p.container()));
            containerPorts.addAll(compose.strings(service, "expose"));
            if (port == null) {
                problems.add(service + ": server.port of " + module.path() + " does not resolve with the environment"
                        + " compose gives it");
            } else if (!containerPorts.contains(port)) {
                problems.add(service + ": listens on " + port + " (server.port " + module.config().get("server.port")
                        + ", PORT " + env.getOrDefault("PORT", "not set") + ") but docker-compose.yml publishes or"
                        + " exposes " + (containerPorts.isEmpty() ? "no port" : containerPorts));
            }
        });
        assertNoProblems("the services' ports", problems);
    }

    @Test
    void setsEveryVariableAServiceRequires() {
        List<String> problems = new ArrayList<>();
        forEachService((module, service) -> {
            Map<String, String> env = compose.environment(service);
            for (Placeholder placeholder : module.placeholders()) {
                if (placeholder.defaultValue() == null && isBlank(env.get(placeholder.variable()))) {
                    problems.add(service + ": " + module.path() + "/application.yml requires "
                            + placeholder.variable() + " (" + placeholder.property() + " has no default) but"
                            + " docker-compose.yml does not set it");
                }
            }
        });
        assertNoProblems("the variables the services require", problems);
    }

    @Test
    void pointsEveryServiceAtTheComposeInfrastructure() {
        List<String> problems = new ArrayList<>();
        requireInfrastructure(problems);
        Map<String, String> databases = new TreeMap<>();
        forEachService((module, service) -> {
            Map<String, String> env = compose.environment(service);
            for (Placeholder placeholder : module.placeholders()) {
                String variable = placeholder.variable();
                String fallback = placeholder.defaultValue();
                boolean loopbackDefault = fallback != null && endpoints(variable, fallback).stream()
                        .anyMatch(endpoint -> LOOPBACK.contains(endpoint.host()));
                boolean infrastructure = variable.equals("MONGODB_URI") || variable.startsWith("RABBITMQ_")
                        || variable.startsWith("KEYCLOAK_");
                if ((infrastructure || loopbackDefault) && isBlank(env.get(variable))) {
                    problems.add(service + ": reads " + variable + " (" + placeholder.property() + ") but"
                            + " docker-compose.yml does not set it, so the default " + fallback + " applies"
                            + (loopbackDefault ? ", which in a container is the container itself" : ""));
                }
            }
            if (module.reads("MONGODB_URI") && mongodb != null && !isBlank(env.get("MONGODB_URI"))) {
                String uri = env.get("MONGODB_URI");
                for (HostPort endpoint : endpoints("MONGODB_URI", uri)) {
                    if (!compose.isNameOf(mongodb, endpoint.host())) {
                        problems.add(service + ": MONGODB_URI " + uri + " names host " + endpoint.host()
                                + ", not the MongoDB service " + mongodb);
                    }
                }
                String replicaSet = compose.mongoReplicaSet(mongodb);
                if (replicaSet != null && !uri.contains("replicaSet=" + replicaSet)) {
                    problems.add(service + ": MONGODB_URI " + uri + " does not name the replica set (replicaSet="
                            + replicaSet + ")");
                }
                String database = module.effective("spring.mongodb.database", env);
                String previous = databases.put(database, service);
                if (previous != null) {
                    problems.add(service + " and " + previous + " share the MongoDB database " + database
                            + ": each service owns its database");
                }
            }
            if (module.reads("RABBITMQ_ADDRESSES") && rabbitmq != null && !isBlank(env.get("RABBITMQ_ADDRESSES"))) {
                for (HostPort endpoint : endpoints("RABBITMQ_ADDRESSES", env.get("RABBITMQ_ADDRESSES"))) {
                    if (!compose.isNameOf(rabbitmq, endpoint.host())) {
                        problems.add(service + ": RABBITMQ_ADDRESSES names host " + endpoint.host()
                                + ", not the RabbitMQ service " + rabbitmq);
                    }
                    if (endpoint.port() != null && !endpoint.port().equals("5672")) {
                        problems.add(service + ": RABBITMQ_ADDRESSES names port " + endpoint.port()
                                + ", RabbitMQ listens on 5672");
                    }
                }
            }
        });
        assertNoProblems("the infrastructure the services use", problems);
    }

    @Test
    void validatesTheIssuerKeycloakAnnouncesAndFetchesKeysInsideTheNetwork() {
        List<String> problems = new ArrayList<>();
        requireInfrastructure(problems);
        if (keycloak == null) {
            assertNoProblems("the token issuer", problems);
            return;
        }
        Map<String, String> kcEnv = compose.environment(keycloak);
        String hostname = kcEnv.get("KC_HOSTNAME");
        String realm = realmName();
        String kcHttpPort = kcEnv.getOrDefault("KC_HTTP_PORT", "8080");
        if (hostname == null || !hostname.matches("https?://.+")) {
            problems.add(keycloak + ": KC_HOSTNAME is " + hostname + "; it must be the full public URL"
                    + " (scheme://host:port), the issuer of every token and required by"
                    + " KC_HOSTNAME_BACKCHANNEL_DYNAMIC");
        } else {
            String expectedIssuer = stripTrailingSlash(hostname) + "/realms/" + realm;
            forEachService((module, service) -> {
                Map<String, String> env = compose.environment(service);
                if (!module.config().containsKey("brandcluster.security.issuer-uri")) {
                    return;
                }
                String issuer = module.effective("brandcluster.security.issuer-uri", env);
                if (!expectedIssuer.equals(issuer)) {
                    problems.add(service + ": validates the issuer " + issuer + " but Keycloak (KC_HOSTNAME "
                            + hostname + ") issues tokens as " + expectedIssuer);
                }
                String jwks = module.effective("brandcluster.security.jwk-set-uri", env);
                boolean derived = jwks == null;
                String keys = jwks != null ? jwks : stripTrailingSlash(String.valueOf(issuer))
                        + "/protocol/openid-connect/certs";
                String expectedKeys = "http://" + keycloak + ":" + kcHttpPort + "/realms/" + realm
                        + "/protocol/openid-connect/certs";
                URI keysUri = URI.create(keys);
                if (!compose.isNameOf(keycloak, keysUri.getHost())
                        || !String.valueOf(keysUri.getPort()).equals(kcHttpPort)
                        || !keysUri.getPath().equals("/realms/" + realm + "/protocol/openid-connect/certs")) {
                    problems.add(service + ": fetches the signing keys from " + keys
                            + (derived ? " (derived from the issuer)" : "") + ", which is not Keycloak inside the"
                            + " network; set BRANDCLUSTER_SECURITY_JWK_SET_URI to " + expectedKeys);
                }
            });
            URI publicUrl = URI.create(hostname);
            if (LOOPBACK.contains(publicUrl.getHost())) {
                String publicPort = String.valueOf(publicUrl.getPort() == -1
                        ? ("https".equals(publicUrl.getScheme()) ? 443 : 80) : publicUrl.getPort());
                boolean published = compose.ports(keycloak).stream()
                        .anyMatch(p -> publicPort.equals(p.published()) && kcHttpPort.equals(p.container()));
                if (!published) {
                    problems.add(keycloak + ": KC_HOSTNAME " + hostname + " is on this host, but docker-compose.yml"
                            + " does not publish port " + publicPort + " to Keycloak's " + kcHttpPort
                            + " (ports: " + compose.ports(keycloak) + ")");
                }
            }
        }
        if (!"true".equals(kcEnv.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC"))) {
            problems.add(keycloak + ": KC_HOSTNAME_BACKCHANNEL_DYNAMIC must be true, so that services inside the"
                    + " network use Keycloak's internal address for tokens and keys while the issuer stays public");
        }
        assertNoProblems("the token issuer and the signing keys", problems);
    }

    @Test
    void reachesOnlyServicesItWaitsForAndNeverItself() {
        List<String> problems = new ArrayList<>();
        requireInfrastructure(problems);
        forEachService((module, service) -> {
            Map<String, String> env = compose.environment(service);
            Map<String, String> dependsOn = compose.dependsOn(service);
            Set<String> needed = new LinkedHashSet<>();
            if (module.reads("MONGODB_URI") && mongodb != null) {
                needed.add(mongodb);
            }
            if (module.reads("RABBITMQ_ADDRESSES") && rabbitmq != null) {
                needed.add(rabbitmq);
            }
            if (module.config().containsKey("brandcluster.security.issuer-uri") && keycloak != null) {
                needed.add(keycloak);
            }
            // addresses as the browser sees them (the tokens' issuer, the portal's links in e-mails): never reached
            // from inside the container, so localhost is right there
            Set<String> browserFacing = new HashSet<>(module.variablesOf("brandcluster.security.issuer-uri"));
            browserFacing.addAll(module.variablesOf("brandcluster.notifications.portal-url"));
            browserFacing.addAll(module.variablesOf("brandcluster.assets.badges.portal-url"));
            env.forEach((variable, value) -> {
                if (value == null) {
                    return;
                }
                for (HostPort endpoint : endpoints(variable, value)) {
                    Optional<String> target = compose.serviceNamed(endpoint.host());
                    if (target.isPresent()) {
                        needed.add(target.get());
                        modules.stream().filter(m -> target.get().equals(composeServiceOf.get(m))).findFirst()
                                .ifPresent(other -> {
                                    String port = other.effective("server.port", compose.environment(target.get()));
                                    if (!Objects.equals(port, endpoint.port())) {
                                        problems.add(service + ": " + variable + " " + value + " names port "
                                                + endpoint.port() + " but " + target.get() + " listens on " + port);
                                    }
                                });
                    } else if (LOOPBACK.contains(endpoint.host()) && !browserFacing.contains(variable)) {
                        problems.add(service + ": " + variable + " " + value + " points at the container itself;"
                                + " name the compose service instead");
                    }
                }
            });
            for (String dependency : needed) {
                String condition = dependsOn.get(dependency);
                if (!"service_healthy".equals(condition)) {
                    problems.add(service + ": uses " + dependency + " but depends_on has "
                            + (condition == null ? "no entry for it" : "condition " + condition)
                            + "; expected condition: service_healthy");
                } else if (compose.healthcheck(dependency) == null) {
                    problems.add(service + ": waits for " + dependency + " to be healthy, but " + dependency
                            + " has no healthcheck");
                }
            }
        });
        assertNoProblems("the services' dependencies", problems);
    }

    @Test
    void checksReadinessOnTheServicePort() {
        List<String> problems = new ArrayList<>();
        String runtimeStage = Dockerfile.read(root.resolve("Dockerfile")).finalStageText();
        forEachService((module, service) -> {
            String port = module.effective("server.port", compose.environment(service));
            String check = compose.healthcheck(service);
            if (check == null) {
                problems.add(service + ": has no healthcheck; expected GET http://127.0.0.1:" + port
                        + "/actuator/health/readiness");
                return;
            }
            Matcher readiness = READINESS_URL.matcher(check);
            if (!readiness.find()) {
                problems.add(service + ": healthcheck '" + check + "' does not ask /actuator/health/readiness on"
                        + " the container's own port");
            } else if (!readiness.group(1).equals(port)) {
                problems.add(service + ": healthcheck asks port " + readiness.group(1) + " but the service listens on "
                        + port);
            }
            String tool = check.split("\\s+")[0];
            if (Set.of("curl", "wget").contains(tool) && !runtimeStage.contains(tool)) {
                problems.add(service + ": healthcheck runs " + tool + ", which the Dockerfile's runtime stage does not"
                        + " provide");
            }
        });
        assertNoProblems("the services' health checks", problems);
    }

    // ---- the infrastructure --------------------------------------------------------------------------------------

    @Test
    void runsMongoDbAsAnInitialisedReplicaSet() {
        List<String> problems = new ArrayList<>();
        requireInfrastructure(problems);
        if (mongodb != null) {
            requireImageMajor(mongodb, 7, problems);
            String replicaSet = compose.mongoReplicaSet(mongodb);
            String check = compose.healthcheck(mongodb);
            if (replicaSet == null) {
                problems.add(mongodb + ": command " + compose.command(mongodb) + " does not start a replica set"
                        + " (--replSet <name>)");
            } else if (check == null || !check.contains("rs.initiate") || !check.contains("'" + replicaSet + "'")) {
                problems.add(mongodb + ": healthcheck '" + check + "' does not initiate the replica set " + replicaSet
                        + " (rs.initiate) when needed");
            } else {
                Matcher member = Pattern.compile("host:\\s*'([^':]+):(\\d+)'").matcher(check);
                String host = member.find() ? member.group(1) : null;
                if (!compose.isNameOf(mongodb, host)) {
                    problems.add(mongodb + ": the replica set member in the healthcheck must be named as the services"
                            + " reach it (host: '" + mongodb + ":27017'), found " + host);
                }
            }
            requireNamedVolume(mongodb, "/data/db", problems);
            requireRestartPolicy(mongodb, problems);
        }
        assertNoProblems("MongoDB", problems);
    }

    @Test
    void runsRedisForTheGatewaysRateLimitsAndPointsTheGatewayAtIt() {
        List<String> problems = new ArrayList<>();
        String redis = compose.serviceWithImage("redis").orElse(null);
        List<ServiceModule> readers = composeServiceOf.keySet().stream().filter(m -> m.reads("REDIS_HOST")).toList();
        if (redis == null) {
            if (!readers.isEmpty()) {
                problems.add("docker-compose.yml has no Redis service (image redis:<7 or newer>), which "
                        + readers.stream().map(ServiceModule::path).toList() + " read (REDIS_HOST)");
            }
            assertNoProblems("Redis", problems);
            return;
        }
        requireImageMajor(redis, 7, problems);
        requireRestartPolicy(redis, problems);
        String check = compose.healthcheck(redis);
        if (check == null || !check.contains("redis-cli")) {
            problems.add(redis + ": healthcheck '" + check + "' does not ask Redis itself (redis-cli ping)");
        }
        for (ServiceModule module : readers) {
            String service = composeServiceOf.get(module);
            Map<String, String> env = compose.environment(service);
            if (!compose.isNameOf(redis, env.get("REDIS_HOST"))) {
                problems.add(service + ": REDIS_HOST is " + env.get("REDIS_HOST") + ", not the Redis service " + redis);
            }
            if (env.get("REDIS_PORT") != null && !env.get("REDIS_PORT").equals("6379")) {
                problems.add(service + ": REDIS_PORT is " + env.get("REDIS_PORT") + ", Redis listens on 6379");
            }
            if (!"service_healthy".equals(compose.dependsOn(service).get(redis))) {
                problems.add(service + ": uses " + redis + " but does not wait for it (depends_on condition:"
                        + " service_healthy)");
            }
        }
        assertNoProblems("Redis", problems);
    }

    @Test
    void runsRabbitMqWithTheProjectDefinitionsAndTheServicesUser() {
        List<String> problems = new ArrayList<>();
        requireInfrastructure(problems);
        if (rabbitmq == null) {
            assertNoProblems("RabbitMQ", problems);
            return;
        }
        requireImageMajor(rabbitmq, 4, problems);
        if (!String.valueOf(compose.string(rabbitmq, "image")).contains("management")) {
            problems.add(rabbitmq + ": image " + compose.string(rabbitmq, "image") + " has no management plugin"
                    + " (the services apply their dead-letter policies through the management API)");
        }
        if (compose.string(rabbitmq, "hostname") == null) {
            problems.add(rabbitmq + ": no fixed hostname; the node name (rabbit@<hostname>) names its data directory,"
                    + " so a re-created container would start empty");
        }
        requireNamedVolume(rabbitmq, "/var/lib/rabbitmq", problems);
        requireRestartPolicy(rabbitmq, problems);
        if (compose.healthcheck(rabbitmq) == null) {
            problems.add(rabbitmq + ": has no healthcheck");
        }

        Map<String, String> files = compose.filesIn(rabbitmq);
        String definitionsPath = files.entrySet().stream()
                .filter(e -> e.getKey().startsWith("/etc/rabbitmq/") && e.getKey().endsWith(".conf"))
                .map(e -> confValue(e.getValue(), "load_definitions"))
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (definitionsPath == null) {
            problems.add(rabbitmq + ": no rabbitmq.conf (or conf.d file) mounted that sets load_definitions");
            assertNoProblems("RabbitMQ", problems);
            return;
        }
        String prefix = definitionsPath.endsWith("/") ? definitionsPath : definitionsPath + "/";
        List<String> definitionFiles = compose.mountTargets(rabbitmq).entrySet().stream()
                .filter(e -> e.getKey().equals(definitionsPath) || e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue).toList();
        if (!definitionFiles.contains(root.resolve("infra/rabbitmq/definitions.json").toString())) {
            problems.add(rabbitmq + ": load_definitions = " + definitionsPath + " but infra/rabbitmq/definitions.json"
                    + " is not mounted there (mounted: " + definitionFiles + ")");
        }
        List<JsonNode> definitions = files.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith(".json"))
                .map(e -> JSON.readTree(e.getValue())).toList();
        forEachService((module, service) -> {
            if (!module.reads("RABBITMQ_USERNAME")) {
                return;
            }
            Map<String, String> env = compose.environment(service);
            String username = module.effective("spring.rabbitmq.username", env);
            String password = module.effective("spring.rabbitmq.password", env);
            String vhost = module.effective("spring.rabbitmq.virtual-host", env);
            JsonNode user = definitions.stream().flatMap(d -> stream(d.path("users")))
                    .filter(u -> u.path("name").asString().equals(username)).findFirst().orElse(null);
            if (user == null) {
                problems.add(service + ": connects as " + username + " but RabbitMQ's boot definitions ("
                        + definitionsPath + ") create no such user (a node that loads definitions at boot creates no"
                        + " default user)");
                return;
            }
            if (!user.path("password").asString().equals(password)) {
                problems.add(service + ": its RABBITMQ_PASSWORD is not the password RabbitMQ's definitions give "
                        + username);
            }
            Set<String> tags = new TreeSet<>();
            JsonNode tagsNode = user.path("tags");
            if (tagsNode.isArray()) {
                tagsNode.forEach(t -> tags.add(t.asString()));
            } else {
                tags.addAll(List.of(tagsNode.asString().split(",")));
            }
            if (!tags.contains("policymaker") && !tags.contains("administrator")) {
                problems.add(service + ": user " + username + " has tags " + tags + "; it needs policymaker (or"
                        + " administrator) to apply the dead-letter policies through the management API");
            }
            boolean permitted = definitions.stream().flatMap(d -> stream(d.path("permissions")))
                    .anyMatch(p -> p.path("user").asString().equals(username)
                            && p.path("vhost").asString().equals(vhost)
                            && p.path("configure").asString().equals(".*"));
            if (!permitted) {
                problems.add(service + ": user " + username + " has no permissions on the virtual host " + vhost
                        + " in RabbitMQ's definitions");
            }
        });
        assertNoProblems("RabbitMQ", problems);
    }

    @Test
    void runsTheProjectsKeycloakWithTheRealmAndItsSecrets() {
        List<String> problems = new ArrayList<>();
        requireInfrastructure(problems);
        if (keycloak == null) {
            assertNoProblems("Keycloak", problems);
            return;
        }
        String keycloakVersion = rootPomProperty("keycloak.version");
        String image = compose.string(keycloak, "image");
        if (!("quay.io/keycloak/keycloak:" + keycloakVersion).equals(image)) {
            problems.add(keycloak + ": image is " + image + ", expected quay.io/keycloak/keycloak:" + keycloakVersion
                    + " (keycloak.version in pom.xml, the Keycloak the tests run)");
        }
        if (!compose.command(keycloak).contains("--import-realm")) {
            problems.add(keycloak + ": command " + compose.command(keycloak) + " does not import the realm"
                    + " (--import-realm)");
        }
        Path realmFile = root.resolve("infra/keycloak/brand-cluster-realm.json");
        boolean realmMounted = compose.mountTargets(keycloak).entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("/opt/keycloak/data/import/")
                        && e.getValue().equals(realmFile.toString()));
        if (!realmMounted) {
            problems.add(keycloak + ": " + root.relativize(realmFile) + " is not mounted into"
                    + " /opt/keycloak/data/import/");
        }
        Map<String, String> env = compose.environment(keycloak);
        if (!"true".equals(env.get("KC_HEALTH_ENABLED"))) {
            problems.add(keycloak + ": KC_HEALTH_ENABLED is not true, so there is no /health/ready to wait for");
        }
        String check = compose.healthcheck(keycloak);
        String managementPort = env.getOrDefault("KC_HTTP_MANAGEMENT_PORT", "9000");
        if (check == null || !check.contains(managementPort) || !check.contains("/health/ready")) {
            problems.add(keycloak + ": healthcheck '" + check + "' does not ask /health/ready on the management port "
                    + managementPort);
        }
        Matcher placeholders = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}").matcher(read(realmFile));
        while (placeholders.find()) {
            if (isBlank(env.get(placeholders.group(1)))) {
                problems.add(keycloak + ": the realm file uses ${" + placeholders.group(1) + "}, which"
                        + " docker-compose.yml does not set, so the realm would be imported with its development"
                        + " default");
            }
        }
        forEachService((module, service) -> compose.environment(service).forEach((variable, value) -> {
            if (env.containsKey(variable) && !Objects.equals(env.get(variable), value)) {
                problems.add(service + " and " + keycloak + " are given different values of " + variable);
            }
        }));
        requireNamedVolume(keycloak, "/opt/keycloak/data", problems);
        requireRestartPolicy(keycloak, problems);
        assertNoProblems("Keycloak", problems);
    }

    // ---- settings and secrets ------------------------------------------------------------------------------------

    @Test
    void documentsEveryVariableInEnvExampleAndKeepsSecretsOutOfTheFiles() {
        List<String> problems = new ArrayList<>(interpolator.problems());
        Map<String, Set<String>> usages = interpolator.usages();
        for (String variable : usages.keySet()) {
            if (!envExample.containsKey(variable)) {
                problems.add("docker-compose.yml uses ${" + variable + "}, which .env.example does not document");
            }
        }
        envExample.forEach((variable, entry) -> {
            if (!usages.containsKey(variable)) {
                problems.add(".env.example documents " + variable + ", which docker-compose.yml does not use");
            }
            if (!entry.documented()) {
                problems.add(".env.example: " + variable + " has no comment above it saying what it is");
            }
            if (isSecret(variable)) {
                if (!entry.value().contains("change-me")) {
                    problems.add(".env.example: " + variable + " must be an obvious placeholder (change-me...),"
                            + " not a usable secret");
                }
                Set<String> forms = usages.getOrDefault(variable, Set.of());
                if (!forms.stream().allMatch(form -> form.startsWith(":?") || form.startsWith("?"))) {
                    problems.add("docker-compose.yml: " + variable + " is a secret and must be required"
                            + " (${" + variable + ":?message}), never defaulted; found forms " + forms);
                }
            }
        });
        assertNoProblems(".env.example", problems);
    }

    @Test
    void keepsDotEnvOutOfGitAndOutOfTheBuildContext() {
        List<String> problems = new ArrayList<>();
        List<String> gitignore = lines(root.resolve(".gitignore"));
        if (gitignore.stream().noneMatch(l -> l.equals(".env") || l.equals("/.env"))) {
            problems.add(".gitignore does not ignore .env (add a line: .env)");
        }
        if (gitignore.stream().anyMatch(l -> l.equals(".env*") || l.equals("*.example"))
                && !gitignore.contains("!.env.example")) {
            problems.add(".gitignore ignores .env.example too");
        }
        List<String> dockerignore = lines(root.resolve(".dockerignore"));
        for (String required : List.of(".env", ".git", "**/target", "**/node_modules", ".portal")) {
            if (!dockerignore.contains(required)) {
                problems.add(".dockerignore does not exclude " + required + " from the build context");
            }
        }
        assertNoProblems(".env, .gitignore and .dockerignore", problems);
    }

    // ---- the image -----------------------------------------------------------------------------------------------

    @Test
    void buildsALayeredNonRootJreOnlyImage() {
        List<String> problems = new ArrayList<>();
        Dockerfile dockerfile = Dockerfile.read(root.resolve("Dockerfile"));
        List<Dockerfile.Stage> stages = dockerfile.stages();
        if (stages.size() < 2) {
            problems.add("Dockerfile: " + stages.size() + " stage(s); expected a multi-stage build (build, extract,"
                    + " runtime)");
        }
        if (dockerfile.instructions("ARG").stream().noneMatch(a -> a.equals("MODULE") || a.startsWith("MODULE="))) {
            problems.add("Dockerfile: no ARG MODULE (the module to build, given by docker-compose.yml)");
        }
        String build = dockerfile.instructions("RUN").stream().filter(r -> r.contains("mvnw")).findFirst().orElse("");
        for (String part : List.of("-pl", "MODULE", "-am", "package", "--mount=type=cache", ".m2")) {
            if (!build.contains(part)) {
                problems.add("Dockerfile: the Maven build (RUN ./mvnw -pl \"${MODULE}\" -am package with the local"
                        + " repository as a BuildKit cache mount) lacks '" + part + "': " + abbreviate(build));
            }
        }
        String extract = dockerfile.instructions("RUN").stream().filter(r -> r.contains("jarmode")).findFirst()
                .orElse("");
        for (String part : List.of("-Djarmode=tools", "extract", "--layers", "--launcher")) {
            if (!extract.contains(part)) {
                problems.add("Dockerfile: the layer extraction (java -Djarmode=tools -jar application.jar extract"
                        + " --layers --launcher) lacks '" + part + "': " + abbreviate(extract));
            }
        }
        if (!stages.isEmpty()) {
            Dockerfile.Stage runtime = stages.getLast();
            String base = runtime.image().toLowerCase(Locale.ROOT);
            if (!base.contains("jre") || base.contains("jdk")) {
                problems.add("Dockerfile: the final stage is based on " + runtime.image() + ", expected a JRE-only"
                        + " image");
            }
            List<String> users = runtime.instructions("USER");
            if (users.isEmpty()) {
                problems.add("Dockerfile: the final stage has no USER, so the service would run as root");
            } else {
                String user = users.getLast().split(":")[0];
                if (user.equals("root") || user.equals("0")) {
                    problems.add("Dockerfile: the final stage runs as " + users.getLast());
                }
            }
            List<String> copied = new ArrayList<>();
            for (String copy : runtime.instructions("COPY")) {
                if (copy.contains("--from=")) {
                    BOOT_LAYERS.stream().filter(layer -> copy.matches(".*/" + layer + "/?\\s+.*")).findFirst()
                            .ifPresent(copied::add);
                }
            }
            if (!copied.equals(BOOT_LAYERS)) {
                problems.add("Dockerfile: the final stage copies the layers " + copied + ", expected " + BOOT_LAYERS
                        + " in that order, one COPY each");
            }
            String entrypoint = String.join(" ", runtime.instructions("ENTRYPOINT"));
            if (!entrypoint.contains("MaxRAMPercentage")) {
                problems.add("Dockerfile: ENTRYPOINT " + entrypoint + " does not size the heap from the container's"
                        + " memory (-XX:MaxRAMPercentage)");
            }
            if (!entrypoint.contains("org.springframework.boot.loader.launch.JarLauncher")) {
                problems.add("Dockerfile: ENTRYPOINT " + entrypoint + " does not start Boot's launcher"
                        + " (org.springframework.boot.loader.launch.JarLauncher) that --launcher extracts");
            }
        }
        assertNoProblems("the Dockerfile", problems);
    }

    // ---- shared checks -------------------------------------------------------------------------------------------

    private static void forEachService(java.util.function.BiConsumer<ServiceModule, String> check) {
        composeServiceOf.forEach(check);
    }

    private static void requireInfrastructure(List<String> problems) {
        Map<String, String> missing = new LinkedHashMap<>();
        if (mongodb == null) {
            missing.put("MongoDB", "mongo:<7 or newer>");
        }
        if (rabbitmq == null) {
            missing.put("RabbitMQ", "rabbitmq:<4.x>-management");
        }
        if (keycloak == null) {
            missing.put("Keycloak", "quay.io/keycloak/keycloak:<version>");
        }
        missing.forEach((what, image) -> problems.add("docker-compose.yml has no " + what + " service (image "
                + image + ")"));
    }

    private static void requireRestartPolicy(String service, List<String> problems) {
        String restart = compose.string(service, "restart");
        if (restart == null || restart.equals("no")) {
            problems.add(service + ": no restart policy (expected unless-stopped, always or on-failure)");
        }
    }

    private static void requireNamedVolume(String service, String target, List<String> problems) {
        boolean named = compose.volumes(service).stream()
                .anyMatch(v -> v.target().equals(target) && v.named() && compose.declaresVolume(v.source()));
        if (!named) {
            problems.add(service + ": its data (" + target + ") is not in a named volume declared under volumes:");
        }
    }

    private static void requireImageMajor(String service, int minimum, List<String> problems) {
        String image = String.valueOf(compose.string(service, "image"));
        Matcher tag = Pattern.compile(":(\\d+)").matcher(image.substring(image.lastIndexOf('/') + 1));
        if (!tag.find() || Integer.parseInt(tag.group(1)) < minimum) {
            problems.add(service + ": image " + image + " is not version " + minimum + " or newer (pin the major"
                    + " version in the tag)");
        }
    }

    private static void assertNoProblems(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            fail("Out of step with " + what + " (" + problems.size() + "):\n  - "
                    + String.join("\n  - ", problems) + "\n");
        }
    }

    // ---- the project ---------------------------------------------------------------------------------------------

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null
                && !(Files.isDirectory(dir.resolve(".mvn")) && Files.isRegularFile(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("Cannot find the repository root (a directory with .mvn/ and pom.xml) above "
                    + Path.of("").toAbsolutePath());
        }
        for (String file : List.of("docker-compose.yml", "Dockerfile", ".env.example", ".gitignore", ".dockerignore")) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                fail(file + " is missing in " + dir);
            }
        }
        return dir;
    }

    /** Modules of the reactor packaged by spring-boot-maven-plugin whose application.yml sets server.port. */
    private static List<ServiceModule> discoverServiceModules(Path root) {
        List<ServiceModule> found = new ArrayList<>();
        for (String module : xpathTexts(root.resolve("pom.xml"), "/project/modules/module")) {
            Path dir = root.resolve(module).normalize();
            Path pom = dir.resolve("pom.xml");
            if (!Files.isRegularFile(pom) || !xpathTexts(pom, "/project/build/plugins/plugin/artifactId")
                    .contains("spring-boot-maven-plugin")) {
                continue;
            }
            Optional<Path> yml = Stream.of("application.yml", "application.yaml")
                    .map(name -> dir.resolve("src/main/resources").resolve(name)).filter(Files::isRegularFile)
                    .findFirst();
            if (yml.isEmpty()) {
                continue;
            }
            Map<String, String> config = new TreeMap<>();
            Yaml yaml = yaml();
            for (Object document : yaml.loadAll(read(yml.get()))) {
                flatten("", document, config);
            }
            if (config.containsKey("server.port")) {
                found.add(new ServiceModule(root.relativize(dir).toString().replace('\\', '/'), config));
            }
        }
        return found;
    }

    private static String rootPomProperty(String name) {
        List<String> values = xpathTexts(root.resolve("pom.xml"), "/project/properties/" + name);
        if (values.isEmpty()) {
            fail("pom.xml has no property " + name);
        }
        return values.getFirst();
    }

    private static String realmName() {
        JsonNode realm = JSON.readTree(read(root.resolve("infra/keycloak/brand-cluster-realm.json")));
        return realm.path("realm").asString();
    }

    private static List<String> xpathTexts(Path xml, String expression) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            Document document = factory.newDocumentBuilder().parse(xml.toFile());
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate(expression, document, XPathConstants.NODESET);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent().trim());
            }
            return texts;
        } catch (Exception ex) {
            throw new IllegalStateException("Cannot read " + xml + ": " + ex, ex);
        }
    }

    private static Map<String, EnvEntry> readEnvExample(Path file) {
        Map<String, EnvEntry> entries = new LinkedHashMap<>();
        boolean commentAbove = false;
        for (String raw : read(file).split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                commentAbove = line.length() > 1;
                continue;
            }
            if (line.isEmpty()) {
                commentAbove = false;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                fail(".env.example: cannot read the line '" + raw + "' (expected NAME=value)");
            }
            entries.put(line.substring(0, eq).strip(), new EnvEntry(line.substring(eq + 1).strip(), commentAbove));
            commentAbove = false;
        }
        return entries;
    }

    // ---- small helpers -------------------------------------------------------------------------------------------

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
                    into));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else if (node != null) {
            into.put(prefix, String.valueOf(node));
        }
    }

    /** Hosts and ports named by an environment value: URLs (scheme://...) and address lists (*_ADDRESSES). */
    static List<HostPort> endpoints(String variable, String value) {
        List<String> authorities = new ArrayList<>();
        Matcher url = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#]*)").matcher(value);
        if (url.find()) {
            String authority = url.group(1);
            authorities.addAll(List.of(authority.substring(authority.lastIndexOf('@') + 1).split(",")));
        } else if (variable.endsWith("_ADDRESSES")) {
            authorities.addAll(List.of(value.split(",")));
        }
        List<HostPort> endpoints = new ArrayList<>();
        for (String authority : authorities) {
            String hostPort = authority.strip().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
            if (hostPort.isEmpty()) {
                continue;
            }
            int colon = hostPort.lastIndexOf(':');
            endpoints.add(colon > 0 && !hostPort.endsWith("]")
                    ? new HostPort(hostPort.substring(0, colon), hostPort.substring(colon + 1))
                    : new HostPort(hostPort, defaultPort(value)));
        }
        return endpoints;
    }

    private static String defaultPort(String value) {
        if (value.startsWith("https://")) {
            return "443";
        }
        return value.startsWith("http://") ? "80" : null;
    }

    private static String confValue(String conf, String key) {
        for (String line : conf.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith(key) && stripped.substring(key.length()).strip().startsWith("=")) {
                return stripped.substring(stripped.indexOf('=') + 1).strip();
            }
        }
        return null;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(nodes::add);
        }
        return nodes.stream();
    }

    private static String imageRepository(String image) {
        int digest = image.indexOf('@');
        String name = digest >= 0 ? image.substring(0, digest) : image;
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
    }

    private static boolean isSecret(String variable) {
        return variable.contains("PASSWORD") || variable.contains("SECRET");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static String abbreviate(String text) {
        return text.isEmpty() ? "(none found)" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static List<String> lines(Path file) {
        return read(file).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + file, ex);
        }
    }

    // ---- model ---------------------------------------------------------------------------------------------------

    record HostPort(String host, String port) {
    }

    record EnvEntry(String value, boolean documented) {
    }

    /** A ${VAR} or ${VAR:default} in a service's application.yml; defaultValue null when there is none. */
    record Placeholder(String property, String variable, String defaultValue) {
    }

    /** A service module: its directory relative to the root, its application.yml flattened to property -> value. */
    record ServiceModule(String path, Map<String, String> config) {

        String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /** The environment-variable placeholders of application.yml. */
        List<Placeholder> placeholders() {
            List<Placeholder> placeholders = new ArrayList<>();
            config.forEach((property, value) -> {
                Matcher matcher = SPRING_PLACEHOLDER.matcher(value);
                while (matcher.find()) {
                    if (ENV_NAME.matcher(matcher.group(1)).matches()) {
                        placeholders.add(new Placeholder(property, matcher.group(1), matcher.group(2)));
                    }
                }
            });
            return placeholders;
        }

        boolean reads(String variable) {
            return placeholders().stream().anyMatch(p -> p.variable().equals(variable));
        }

        Set<String> variablesOf(String property) {
            return placeholders().stream().filter(p -> p.property().equals(property)).map(Placeholder::variable)
                    .collect(Collectors.toSet());
        }

        /**
         * The value Spring Boot would bind to {@code property} in a container with this environment: the property's
         * own environment variable (relaxed binding, e.g. BRANDCLUSTER_SECURITY_JWK_SET_URI), else application.yml
         * with its placeholders resolved; null when unset or unresolvable.
         */
        String effective(String property, Map<String, String> env) {
            String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
            for (String candidate : List.of(upper.replace("-", ""), upper.replace('-', '_'))) {
                if (env.get(candidate) != null) {
                    return env.get(candidate);
                }
            }
            String raw = config.get(property);
            if (raw == null) {
                return null;
            }
            Matcher matcher = SPRING_PLACEHOLDER.matcher(raw);
            StringBuilder resolved = new StringBuilder();
            while (matcher.find()) {
                String value = env.get(matcher.group(1)) != null ? env.get(matcher.group(1)) : matcher.group(2);
                if (value == null) {
                    return null;
                }
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(resolved);
            return resolved.toString();
        }
    }

    /**
     * Compose's variable interpolation with .env.example as the .env: $$, $VAR, ${VAR}, ${VAR:-default},
     * ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alternative}. Remembers every variable used and in which
     * form (the operator and what follows it, "" for a plain ${VAR}).
     */
    static final class Interpolator {

        private final Map<String, EnvEntry> values;
        private final Map<String, Set<String>> usages = new TreeMap<>();
        private final List<String> problems = new ArrayList<>();

        Interpolator(Map<String, EnvEntry> values) {
            this.values = values;
        }

        Map<String, Set<String>> usages() {
            return usages;
        }

        List<String> problems() {
            return problems;
        }

        String interpolate(String text) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '$' && i + 1 < text.length()) {
                    char next = text.charAt(i + 1);
                    if (next == '$') {
                        out.append('$');
                        i += 2;
                        continue;
                    }
                    if (next == '{') {
                        int end = closingBrace(text, i + 1);
                        out.append(resolve(text.substring(i + 2, end)));
                        i = end + 1;
                        continue;
                    }
                    if (Character.isLetter(next) || next == '_') {
                        int end = i + 1;
                        while (end < text.length()
                                && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                            end++;
                        }
                        out.append(resolve(text.substring(i + 1, end)));
                        i = end;
                        continue;
                    }
                }
                out.append(c);
                i++;
            }
            return out.toString();
        }

        private String resolve(String expression) {
            Matcher matcher = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(.*)", Pattern.DOTALL).matcher(expression);
            if (!matcher.matches()) {
                problems.add("docker-compose.yml: cannot read ${" + expression + "}");
                return "";
            }
            String name = matcher.group(1);
            String form = matcher.group(2);
            usages.computeIfAbsent(name, k -> new TreeSet<>()).add(form);
            EnvEntry entry = values.get(name);
            String value = entry == null ? null : entry.value();
            boolean empty = value == null || value.isEmpty();
            if (form.startsWith(":-")) {
                return empty ? interpolate(form.substring(2)) : value;
            }
            if (form.startsWith("-")) {
                return value == null ? interpolate(form.substring(1)) : value;
            }
            if (form.startsWith(":+")) {
                return empty ? "" : interpolate(form.substring(2));
            }
            if (form.startsWith(":?") || form.startsWith("?")) {
                if (form.startsWith(":?") ? empty : value == null) {
                    problems.add("docker-compose.yml requires " + name + " but .env.example does not set it");
                    return "";
                }
                return value;
            }
            if (!form.isEmpty()) {
                problems.add("docker-compose.yml: cannot read ${" + expression + "}");
            }
            return value == null ? "" : value;
        }

        private static int closingBrace(String text, int open) {
            int depth = 0;
            for (int i = open; i < text.length(); i++) {
                if (text.charAt(i) == '{') {
                    depth++;
                } else if (text.charAt(i) == '}' && --depth == 0) {
                    return i;
                }
            }
            throw new IllegalStateException("docker-compose.yml: unclosed ${ in " + text);
        }
    }

    /** docker-compose.yml after merging anchors and interpolating variables. */
    static final class Compose {

        record Port(String hostIp, String published, String container) {
        }

        record Volume(String source, String target, boolean named) {
        }

        private final Path dir;
        private final Map<String, Object> document;

        private Compose(Path dir, Map<String, Object> document) {
            this.dir = dir;
            this.document = document;
        }

        @SuppressWarnings("unchecked")
        static Compose read(Path file, Interpolator interpolator) {
            Object parsed = yaml().load(DockerComposeTest.read(file));
            if (!(parsed instanceof Map<?, ?> map) || !(map.get("services") instanceof Map<?, ?>)) {
                fail(file + " has no services");
            }
            return new Compose(file.getParent(), (Map<String, Object>) interpolate(parsed, interpolator));
        }

        private static Object interpolate(Object node, Interpolator interpolator) {
            if (node instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, value) -> copy.put(String.valueOf(key), interpolate(value, interpolator)));
                return copy;
            }
            if (node instanceof List<?> list) {
                return list.stream().map(item -> interpolate(item, interpolator)).toList();
            }
            return node instanceof String text ? interpolator.interpolate(text) : node;
        }

        Set<String> serviceNames() {
            return map(document, "services").keySet();
        }

        Map<String, Object> service(String name) {
            return map(map(document, "services"), name);
        }

        Optional<String> serviceBuilding(String module) {
            return serviceNames().stream().filter(s -> module.equals(buildArgs(s).get("MODULE"))).findFirst();
        }

        /** The one service whose image repository ends with the given name (mongo, rabbitmq, keycloak/keycloak). */
        Optional<String> serviceWithImage(String repository) {
            return serviceNames().stream().filter(s -> {
                String image = string(s, "image");
                if (image == null || !build(s).isEmpty()) {
                    return false;
                }
                String repo = imageRepository(image);
                return repo.equals(repository) || repo.endsWith("/" + repository);
            }).findFirst();
        }

        Optional<String> serviceNamed(String host) {
            return serviceNames().stream().filter(s -> isNameOf(s, host)).findFirst();
        }

        /** Whether {@code host} reaches {@code service} on the compose network (service name or hostname). */
        boolean isNameOf(String service, String host) {
            return host != null && (host.equals(service) || host.equals(string(service, "hostname")));
        }

        String string(String service, String key) {
            Object value = service(service).get(key);
            return value == null ? null : String.valueOf(value);
        }

        List<String> strings(String service, String key) {
            Object value = service(service).get(key);
            if (value instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            return value == null ? List.of() : List.of(String.valueOf(value));
        }

        Map<String, Object> build(String service) {
            Object build = service(service).get("build");
            if (build instanceof String context) {
                return Map.of("context", context);
            }
            return build == null ? Map.of() : map(service(service), "build");
        }

        Map<String, String> buildArgs(String service) {
            return keyValues(build(service).get("args"));
        }

        Map<String, String> environment(String service) {
            return keyValues(service(service).get("environment"));
        }

        List<String> command(String service) {
            Object command = service(service).get("command");
            if (command instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            return command == null ? List.of() : List.of(String.valueOf(command).split("\\s+"));
        }

        String mongoReplicaSet(String service) {
            List<String> command = command(service);
            int index = command.indexOf("--replSet");
            return index >= 0 && index + 1 < command.size() ? command.get(index + 1) : null;
        }

        /** service -> condition; the short (list) form means service_started. */
        Map<String, String> dependsOn(String service) {
            Object dependsOn = service(service).get("depends_on");
            Map<String, String> conditions = new LinkedHashMap<>();
            if (dependsOn instanceof List<?> list) {
                list.forEach(name -> conditions.put(String.valueOf(name), "service_started"));
            } else if (dependsOn instanceof Map<?, ?> map) {
                map.forEach((name, spec) -> conditions.put(String.valueOf(name), spec instanceof Map<?, ?> s
                        && s.get("condition") != null ? String.valueOf(s.get("condition")) : "service_started"));
            }
            return conditions;
        }

        /** The health check's command as one line, or null when there is none (or it is disabled). */
        String healthcheck(String service) {
            Object healthcheck = service(service).get("healthcheck");
            if (!(healthcheck instanceof Map<?, ?> map) || Boolean.TRUE.equals(map.get("disable"))) {
                return null;
            }
            Object test = map.get("test");
            if (test instanceof List<?> list && !list.isEmpty()) {
                String kind = String.valueOf(list.getFirst());
                List<String> rest = list.subList(1, list.size()).stream().map(String::valueOf).toList();
                return switch (kind) {
                    case "NONE" -> null;
                    case "CMD", "CMD-SHELL" -> String.join(" ", rest);
                    default -> list.stream().map(String::valueOf).collect(Collectors.joining(" "));
                };
            }
            return test == null ? null : String.valueOf(test);
        }

        List<Port> ports(String service) {
            List<Port> ports = new ArrayList<>();
            Object value = service(service).get("ports");
            if (!(value instanceof List<?> list)) {
                return ports;
            }
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map) {
                    ports.add(new Port(stringOrNull(map.get("host_ip")), stringOrNull(map.get("published")),
                            String.valueOf(map.get("target"))));
                } else {
                    String[] parts = String.valueOf(entry).replaceFirst("/(tcp|udp)$", "").split(":");
                    String container = parts[parts.length - 1];
                    String published = parts.length >= 2 ? parts[parts.length - 2] : null;
                    String hostIp = parts.length >= 3 ? parts[0] : null;
                    ports.add(new Port(hostIp, published, container));
                }
            }
            return ports;
        }

        List<Volume> volumes(String service) {
            List<Volume> volumes = new ArrayList<>();
            Object value = service(service).get("volumes");
            if (!(value instanceof List<?> list)) {
                return volumes;
            }
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map) {
                    String source = stringOrNull(map.get("source"));
                    volumes.add(new Volume(source, String.valueOf(map.get("target")),
                            "volume".equals(map.get("type"))));
                } else {
                    String[] parts = String.valueOf(entry).split(":");
                    if (parts.length == 1) {
                        volumes.add(new Volume(null, parts[0], false));
                    } else {
                        boolean named = !parts[0].startsWith(".") && !parts[0].startsWith("/")
                                && !parts[0].startsWith("~");
                        volumes.add(new Volume(parts[0], parts[1], named));
                    }
                }
            }
            return volumes;
        }

        boolean declaresVolume(String name) {
            return document.get("volumes") instanceof Map<?, ?> volumes && volumes.containsKey(name);
        }

        /** Container path -> absolute host path of every bind mount and file-based config of the service. */
        Map<String, String> mountTargets(String service) {
            Map<String, String> targets = new LinkedHashMap<>();
            for (Volume volume : volumes(service)) {
                if (volume.source() != null && !volume.named()) {
                    targets.put(volume.target(), dir.resolve(volume.source()).normalize().toString());
                }
            }
            configs(service).forEach((target, config) -> {
                if (config.get("file") != null) {
                    targets.put(target, dir.resolve(String.valueOf(config.get("file"))).normalize().toString());
                }
            });
            return targets;
        }

        /** Container path -> content of every file the service gets from a bind mount or a config. */
        Map<String, String> filesIn(String service) {
            Map<String, String> files = new LinkedHashMap<>();
            mountTargets(service).forEach((target, source) -> {
                if (Files.isRegularFile(Path.of(source))) {
                    files.put(target, DockerComposeTest.read(Path.of(source)));
                }
            });
            configs(service).forEach((target, config) -> {
                if (config.get("content") != null) {
                    files.put(target, String.valueOf(config.get("content")));
                }
            });
            return files;
        }

        /** Container path -> the top-level config definition, for the service's configs. */
        private Map<String, Map<String, Object>> configs(String service) {
            Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
            Object value = service(service).get("configs");
            if (!(value instanceof List<?> list)) {
                return configs;
            }
            Map<String, Object> definitions = document.get("configs") instanceof Map<?, ?> ? map(document, "configs")
                    : Map.of();
            for (Object entry : list) {
                String source = entry instanceof Map<?, ?> map ? String.valueOf(map.get("source"))
                        : String.valueOf(entry);
                String target = entry instanceof Map<?, ?> map && map.get("target") != null
                        ? String.valueOf(map.get("target")) : "/" + source;
                if (definitions.get(source) instanceof Map<?, ?>) {
                    configs.put(target, map(definitions, source));
                } else {
                    fail("docker-compose.yml: " + service + " uses the config " + source + ", which is not defined"
                            + " under configs:");
                }
            }
            return configs;
        }

        private static Map<String, String> keyValues(Object value) {
            Map<String, String> values = new LinkedHashMap<>();
            if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> values.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
            } else if (value instanceof List<?> list) {
                for (Object item : list) {
                    String text = String.valueOf(item);
                    int eq = text.indexOf('=');
                    values.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
                }
            }
            return values;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> map(Map<String, Object> parent, String key) {
            Object value = parent.get(key);
            if (!(value instanceof Map<?, ?>)) {
                fail("docker-compose.yml: " + key + " is not a mapping");
            }
            return (Map<String, Object>) value;
        }

        private static String stringOrNull(Object value) {
            return value == null ? null : String.valueOf(value);
        }
    }

    /** A Dockerfile read instruction by instruction (continuation lines joined, comments dropped). */
    record Dockerfile(List<String[]> instructions, Map<String, String> globalArgs) {

        record Stage(String image, List<String[]> instructions) {

            List<String> instructions(String keyword) {
                return instructions.stream().filter(i -> i[0].equals(keyword)).map(i -> i[1]).toList();
            }
        }

        static Dockerfile read(Path file) {
            List<String[]> instructions = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : DockerComposeTest.read(file).split("\n")) {
                String stripped = line.strip();
                if (stripped.startsWith("#") || stripped.isEmpty() && current.isEmpty()) {
                    continue;
                }
                if (stripped.endsWith("\\")) {
                    current.append(stripped, 0, stripped.length() - 1).append(' ');
                    continue;
                }
                current.append(stripped);
                String instruction = current.toString().strip();
                current.setLength(0);
                if (instruction.isEmpty()) {
                    continue;
                }
                int space = instruction.indexOf(' ');
                instructions.add(space < 0 ? new String[] {instruction.toUpperCase(Locale.ROOT), ""}
                        : new String[] {instruction.substring(0, space).toUpperCase(Locale.ROOT),
                                instruction.substring(space + 1).strip()});
            }
            Map<String, String> globalArgs = new LinkedHashMap<>();
            for (String[] instruction : instructions) {
                if (instruction[0].equals("FROM")) {
                    break;
                }
                if (instruction[0].equals("ARG") && instruction[1].contains("=")) {
                    String[] arg = instruction[1].split("=", 2);
                    globalArgs.put(arg[0].strip(), arg[1].strip());
                }
            }
            return new Dockerfile(instructions, globalArgs);
        }

        List<String> instructions(String keyword) {
            return instructions.stream().filter(i -> i[0].equals(keyword)).map(i -> i[1]).toList();
        }

        List<Stage> stages() {
            List<Stage> stages = new ArrayList<>();
            List<String[]> current = null;
            String image = null;
            for (String[] instruction : instructions) {
                if (instruction[0].equals("FROM")) {
                    if (current != null) {
                        stages.add(new Stage(image, current));
                    }
                    current = new ArrayList<>();
                    image = resolveArgs(instruction[1].split("\\s+")[0]);
                } else if (current != null) {
                    current.add(instruction);
                }
            }
            if (current != null) {
                stages.add(new Stage(image, current));
            }
            return stages;
        }

        /** The instructions of the final stage as text (what the runtime image is made of). */
        String finalStageText() {
            List<Stage> stages = stages();
            return stages.isEmpty() ? "" : stages.getLast().instructions().stream()
                    .map(i -> i[0] + " " + i[1]).collect(Collectors.joining("\n"));
        }

        private String resolveArgs(String text) {
            Matcher matcher = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?").matcher(text);
            StringBuilder resolved = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(resolved,
                        Matcher.quoteReplacement(globalArgs.getOrDefault(matcher.group(1), matcher.group())));
            }
            matcher.appendTail(resolved);
            return resolved.toString();
        }
    }
}
