package com.brandcluster.system.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps {@code infra/k8s} true without a cluster. Both overlays are resolved the way {@code kubectl apply -k} would
 * (resources, configMapGenerator, strategic-merge and JSON 6902 patches, images, namespace, labels; a kustomization
 * field this test does not understand fails it, so nothing is silently skipped) and then checked against the project:
 * the Boot modules in the root pom, each service's {@code application.yml}, the realm and the RabbitMQ definitions in
 * {@code infra/}, and the Secrets listed in {@code infra/k8s/secrets.example.yaml}.
 * <p>
 * Every check collects all its problems first and reports them together, each naming the overlay, the resource, the
 * file it comes from and what is wrong.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = projectRoot();
    private static final Path K8S = ROOT.resolve("infra/k8s");
    private static final Path SECRETS_EXAMPLE = K8S.resolve("secrets.example.yaml");
    private static final String IMAGE_PREFIX = "brandcluster/";

    /**
     * Boot modules (spring-boot-maven-plugin) that are not workloads of the cluster, with the reason. Every other Boot
     * module must have manifests: copy a directory under infra/k8s/base, or add it here with a reason.
     */
    private static final Map<String, String> NOT_DEPLOYED = Map.of(
            "demo-data", "loads the demo data through the services' APIs; ./portal runs it, it serves nothing",
            "local-mongo", "the embedded MongoDB of ./portal on machines without one; the cluster runs MongoDB itself");

    /** Placeholders whose default only works on a developer's machine, so a pod must get them. */
    private static final Pattern LOCAL_DEFAULT = Pattern.compile("localhost|127\\.0\\.0\\.1|^guest$");

    private static final Map<String, Manifests> BUILT = new ConcurrentHashMap<>();
    private static final Map<Path, Map<String, Module>> MODULES = new ConcurrentHashMap<>();
    private static final Map<Path, Map<String, Map<String, String>>> EXAMPLE_SECRETS = new ConcurrentHashMap<>();

    // ---- the portal's workloads -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void deploysEveryBootModuleWithItsOwnTaggedImage(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        Map<String, Module> modules = bootModules();
        for (Module module : modules.values()) {
            if (NOT_DEPLOYED.containsKey(module.artifactId())) {
                continue;
            }
            List<Res> deployments = m.all("Deployment").stream()
                    .filter(d -> portalContainers(d).stream().anyMatch(c -> module.image().equals(imageName(c))))
                    .toList();
            if (deployments.isEmpty()) {
                problems.add("Boot module " + module.dir() + " has no Deployment running image " + module.image()
                        + ": copy a service directory under infra/k8s/base (see infra/k8s/README.md, \"Adding a"
                        + " service\"), or, if it is no workload, add it to NOT_DEPLOYED in KubernetesManifestsTest"
                        + " with the reason");
            }
            for (Res d : deployments) {
                if (!d.name().equals(module.artifactId())) {
                    problems.add(d, "runs " + module.image() + " but is named " + d.name() + "; name it "
                            + module.artifactId() + " like its module");
                }
            }
        }
        for (Res workload : m.workloads()) {
            for (Map<String, Object> c : portalContainers(workload)) {
                String image = str(c.get("image"));
                String name = imageName(c);
                String artifact = name.substring(IMAGE_PREFIX.length());
                if (!modules.containsKey(artifact) || NOT_DEPLOYED.containsKey(artifact)) {
                    problems.add(workload, "container " + c.get("name") + " runs " + image
                            + ", which is the image of no deployed Boot module (" + modules.keySet() + ")");
                }
                String tag = imageTag(image);
                if (tag == null || tag.equals("latest")) {
                    problems.add(workload, "container " + c.get("name") + " runs " + image
                            + " without a fixed tag: set one in the overlay's images");
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void probesTheActuatorHealthGroupsOnThePortTheServiceListensOn(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        for (Res d : m.portalDeployments()) {
            for (Map<String, Object> c : portalContainers(d)) {
                Integer port = httpPort(c);
                if (port == null) {
                    problems.add(d, "container " + c.get("name") + " declares no HTTP port (one port, or one named"
                            + " http)");
                    continue;
                }
                checkProbe(problems, d, c, "readinessProbe", Set.of("/actuator/health/readiness"), port, true);
                checkProbe(problems, d, c, "livenessProbe", Set.of("/actuator/health/liveness"), port, true);
                checkProbe(problems, d, c, "startupProbe",
                        Set.of("/actuator/health/liveness", "/actuator/health/readiness"), port, false);
                Module module = bootModules().get(imageName(c).substring(IMAGE_PREFIX.length()));
                if (module != null) {
                    Env env = m.env(c);
                    String listening = env.values().getOrDefault("PORT", module.placeholderDefaults().get("PORT"));
                    if (!String.valueOf(port).equals(listening)) {
                        problems.add(d, "container port " + port + " but the service listens on "
                                + (listening == null ? "an unknown port (no PORT)" : listening)
                                + " (PORT, or its default in " + module.dir() + "/src/main/resources/application.yml)");
                    }
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void sizesEveryContainerWithRequestsAndLimitsThatFitTheJvm(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        for (Res workload : m.workloads()) {
            for (Map<String, Object> c : containers(podSpec(workload.doc()))) {
                String container = "container " + c.get("name");
                Map<String, Object> requests = map(at(c, "resources", "requests"));
                Map<String, Object> limits = map(at(c, "resources", "limits"));
                for (String r : List.of("cpu", "memory")) {
                    if (requests.get(r) == null) {
                        problems.add(workload, container + " has no " + r + " request");
                    }
                }
                if (limits.get("memory") == null) {
                    problems.add(workload, container + " has no memory limit");
                    continue;
                }
                long limit = memoryBytes(str(limits.get("memory")));
                if (requests.get("memory") != null && memoryBytes(str(requests.get("memory"))) > limit) {
                    problems.add(workload, container + " requests more memory than its limit");
                }
                if (!imageName(c).startsWith(IMAGE_PREFIX)) {
                    continue;
                }
                if (limits.get("cpu") == null) {
                    problems.add(workload, container + " has no cpu limit");
                }
                if (limit < 512L * 1024 * 1024) {
                    problems.add(workload, container + " has a memory limit of " + limits.get("memory")
                            + ", below 512Mi: too small for a JVM of ~300 MiB RSS");
                }
                String javaOptions = m.env(c).values().get("JAVA_TOOL_OPTIONS");
                if (javaOptions == null || !javaOptions.contains("MaxRAMPercentage")) {
                    problems.add(workload, container + " sets no JAVA_TOOL_OPTIONS with -XX:MaxRAMPercentage: the"
                            + " heap would not follow the memory limit");
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void runsThePortalUnprivilegedScrapedAndSpreadOverNodes(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        for (Res d : m.portalDeployments()) {
            Map<String, Object> pod = podSpec(d.doc());
            Map<String, Object> podLabels = map(at(d.doc(), "spec", "template", "metadata", "labels"));
            Map<String, Object> annotations = map(at(d.doc(), "spec", "template", "metadata", "annotations"));
            Set<String> emptyDirs = new TreeSet<>();
            for (Object v : list(pod.get("volumes"))) {
                if (map(v).containsKey("emptyDir")) {
                    emptyDirs.add(str(map(v).get("name")));
                }
            }
            for (Map<String, Object> c : portalContainers(d)) {
                String container = "container " + c.get("name");
                if (!Boolean.TRUE.equals(securityContextValue(pod, c, "runAsNonRoot"))) {
                    problems.add(d, container + " may run as root: set runAsNonRoot: true");
                }
                if (!Boolean.TRUE.equals(at(c, "securityContext", "readOnlyRootFilesystem"))) {
                    problems.add(d, container + " has a writable root filesystem: set readOnlyRootFilesystem: true");
                }
                if (!Boolean.FALSE.equals(at(c, "securityContext", "allowPrivilegeEscalation"))) {
                    problems.add(d, container + " allows privilege escalation");
                }
                boolean tmp = list(c.get("volumeMounts")).stream().map(KubernetesManifestsTest::map)
                        .anyMatch(v -> "/tmp".equals(v.get("mountPath")) && emptyDirs.contains(str(v.get("name"))));
                if (!tmp) {
                    problems.add(d, container + " has no emptyDir at /tmp (the JVM and the web server write there)");
                }
                Integer port = httpPort(c);
                if (!"true".equals(str(annotations.get("prometheus.io/scrape")))
                        || !Objects.equals(str(annotations.get("prometheus.io/port")), String.valueOf(port))
                        || !"/actuator/prometheus".equals(str(annotations.get("prometheus.io/path")))) {
                    problems.add(d, "pod annotations do not point Prometheus at /actuator/prometheus on port " + port
                            + ": " + annotations);
                }
            }
            List<Object> spread = list(pod.get("topologySpreadConstraints"));
            if (spread.isEmpty()) {
                problems.add(d, "has no topologySpreadConstraints: its replicas may all land on one node");
            }
            for (Object constraint : spread) {
                if (!selects(map(at(constraint, "labelSelector")), podLabels)) {
                    problems.add(d, "topology spread constraint on " + map(constraint).get("topologyKey")
                            + " does not select the Deployment's own pods");
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void exposesEveryDeploymentThroughAServiceOnItsContainerPort(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        for (Res d : m.portalDeployments()) {
            Map<String, Object> podLabels = map(at(d.doc(), "spec", "template", "metadata", "labels"));
            List<Res> services = m.all("Service").stream()
                    .filter(s -> !map(at(s.doc(), "spec", "selector")).isEmpty())
                    .filter(s -> podLabels.entrySet().containsAll(map(at(s.doc(), "spec", "selector")).entrySet()))
                    .toList();
            if (services.isEmpty()) {
                problems.add(d, "no Service selects its pods (pod labels " + podLabels + ")");
            }
            for (Res s : services) {
                Map<String, Object> selector = map(at(s.doc(), "spec", "selector"));
                for (Res other : m.workloads()) {
                    Map<String, Object> otherLabels = map(at(other.doc(), "spec", "template", "metadata", "labels"));
                    if (other != d && otherLabels.entrySet().containsAll(selector.entrySet())) {
                        problems.add(s, "selects the pods of " + other.kind() + " " + other.name() + " as well as "
                                + d.name() + "'s");
                    }
                }
                for (Map<String, Object> c : portalContainers(d)) {
                    Integer port = httpPort(c);
                    boolean reaches = list(at(s.doc(), "spec", "ports")).stream()
                            .map(p -> resolvePort(c, targetPort(map(p))))
                            .anyMatch(p -> Objects.equals(p, port));
                    if (!reaches) {
                        problems.add(s, "has no port whose targetPort is container port " + port + " of "
                                + d.name());
                    }
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void providesEveryEnvironmentVariableTheServicesNeedInAPod(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        for (Res d : m.portalDeployments()) {
            for (Map<String, Object> c : portalContainers(d)) {
                Module module = bootModules().get(imageName(c).substring(IMAGE_PREFIX.length()));
                if (module == null) {
                    continue;
                }
                Env env = m.env(c);
                for (String variable : module.requiredInPod()) {
                    if (!env.names().contains(variable)) {
                        String def = module.placeholderDefaults().get(variable);
                        problems.add(d, "does not set " + variable + ", which "
                                + module.dir() + "/src/main/resources/application.yml needs"
                                + (def == null ? " (no default)" : " (its default " + def + " only works locally)"));
                    } else if ("".equals(env.values().get(variable))) {
                        problems.add(d, "sets " + variable + " to an empty value");
                    }
                }
            }
        }
        // the gateway's sessions live in MongoDB (so that it scales horizontally): it gets the same URI as the services
        m.find("Deployment", "gateway").ifPresent(gateway -> portalContainers(gateway).forEach(c -> {
            if (!m.env(c).names().contains("MONGODB_URI")) {
                problems.add(gateway, "has no MONGODB_URI for its session store");
            }
        }));
        problems.assertNone();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void findsEveryReferencedConfigMapAndSecretWithItsKeys(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        Map<String, Set<String>> configMaps = new TreeMap<>();
        for (Res cm : m.all("ConfigMap")) {
            Set<String> keys = new TreeSet<>(map(cm.doc().get("data")).keySet());
            keys.addAll(map(cm.doc().get("binaryData")).keySet());
            configMaps.put(cm.name(), keys);
        }
        Map<String, Set<String>> secrets = m.availableSecrets();
        for (Ref ref : m.references()) {
            Map<String, Set<String>> pool = ref.kind().equals("ConfigMap") ? configMaps : secrets;
            Set<String> keys = pool.get(ref.name());
            if (keys == null) {
                String hint = ref.kind().equals("Secret") && m.rabbitDefaultUserSecrets().contains(ref.name())
                        ? ": RabbitMQ loads definitions at boot and so creates no default user; use the users of"
                        + " brandcluster-rabbitmq-portal"
                        : ref.kind().equals("Secret")
                        ? ": neither created by an operator nor listed in infra/k8s/secrets.example.yaml"
                        : ": no ConfigMap or configMapGenerator has that name";
                problems.add(ref.from(), ref.where() + " references " + ref.kind() + " " + ref.name() + hint);
            } else if (ref.key() != null && !keys.contains(ref.key())) {
                problems.add(ref.from(), ref.where() + " references key " + ref.key() + " of " + ref.kind() + " "
                        + ref.name() + ", which has only " + keys);
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void autoscalesAndProtectsEveryDeploymentForTheOverlaysSize(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        for (Res hpa : m.all("HorizontalPodAutoscaler")) {
            if (!hpa.apiVersion().equals("autoscaling/v2")) {
                problems.add(hpa, "is " + hpa.apiVersion() + "; use autoscaling/v2");
            }
            Map<String, Object> target = map(at(hpa.doc(), "spec", "scaleTargetRef"));
            if (!"Deployment".equals(target.get("kind")) || m.find("Deployment", str(target.get("name"))).isEmpty()) {
                problems.add(hpa, "scales " + target.get("kind") + " " + target.get("name")
                        + ", which is no Deployment of this overlay");
            }
            boolean cpu = list(at(hpa.doc(), "spec", "metrics")).stream()
                    .anyMatch(x -> "Resource".equals(map(x).get("type")) && "cpu".equals(at(x, "resource", "name")));
            if (!cpu) {
                problems.add(hpa, "does not scale on CPU");
            }
        }
        for (Res pdb : m.all("PodDisruptionBudget")) {
            Map<String, Object> selector = map(at(pdb.doc(), "spec", "selector"));
            if (m.workloads().stream().noneMatch(w -> selects(selector, podLabels(w)))) {
                problems.add(pdb, "selects the pods of no workload: " + selector);
            }
        }
        for (Res d : m.portalDeployments()) {
            List<Res> hpas = m.all("HorizontalPodAutoscaler").stream()
                    .filter(h -> d.name().equals(at(h.doc(), "spec", "scaleTargetRef", "name"))).toList();
            List<Res> pdbs = m.all("PodDisruptionBudget").stream()
                    .filter(p -> selects(map(at(p.doc(), "spec", "selector")), podLabels(d))).toList();
            if (hpas.size() != 1) {
                problems.add(d, "has " + hpas.size() + " HorizontalPodAutoscalers; expected one");
                continue;
            }
            if (pdbs.size() != 1) {
                problems.add(d, "has " + pdbs.size() + " PodDisruptionBudgets; expected one");
                continue;
            }
            Res hpa = hpas.getFirst();
            Res pdb = pdbs.getFirst();
            int min = intValue(at(hpa.doc(), "spec", "minReplicas"), 1);
            int max = intValue(at(hpa.doc(), "spec", "maxReplicas"), 0);
            Object replicas = at(d.doc(), "spec", "replicas");
            if (replicas != null && intValue(replicas, 0) < min) {
                problems.add(d, "sets replicas " + replicas + " below its autoscaler's minReplicas " + min);
            }
            if (max < min) {
                problems.add(hpa, "maxReplicas " + max + " is below minReplicas " + min);
            }
            Object minAvailable = at(pdb.doc(), "spec", "minAvailable");
            Object maxUnavailable = at(pdb.doc(), "spec", "maxUnavailable");
            if (minAvailable instanceof Integer n && n >= min) {
                problems.add(pdb, "minAvailable " + n + " with " + min + " replica(s) forbids every node drain");
            }
            if (maxUnavailable instanceof Integer n && n < 1) {
                problems.add(pdb, "maxUnavailable " + n + " forbids every node drain");
            }
            if (overlay.equals("prod")) {
                if (min < 2) {
                    problems.add(hpa, "minReplicas " + min + ": production runs at least two pods of each workload");
                }
                if (max < 10) {
                    problems.add(hpa, "maxReplicas " + max + ": production may scale to ten");
                }
                if (!Integer.valueOf(1).equals(minAvailable)) {
                    problems.add(pdb, "minAvailable is " + minAvailable + "; production keeps one pod up (1)");
                }
            } else if (min != 1) {
                problems.add(hpa, "minReplicas " + min + ": development runs one pod of each workload");
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void routesTheIngressToTheGatewayAndLetsTheAssetUploadsThrough(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        List<Res> ingresses = m.all("Ingress");
        if (ingresses.size() != 1) {
            problems.add("expected one Ingress (the gateway's; Keycloak's is created by its operator), found "
                    + ingresses.stream().map(Res::name).toList());
        }
        long largestUpload = gatewayLargestRequestSize();
        for (Res ingress : ingresses) {
            if (!"nginx".equals(at(ingress.doc(), "spec", "ingressClassName"))) {
                problems.add(ingress, "ingressClassName is " + at(ingress.doc(), "spec", "ingressClassName")
                        + "; the annotations are ingress-nginx's, use nginx");
            }
            String bodySize = str(map(at(ingress.doc(), "metadata", "annotations"))
                    .get("nginx.ingress.kubernetes.io/proxy-body-size"));
            if (bodySize == null || nginxSize(bodySize) != largestUpload) {
                problems.add(ingress, "nginx.ingress.kubernetes.io/proxy-body-size is " + bodySize
                        + " but the gateway accepts request bodies up to " + largestUpload
                        + " bytes (brandcluster.gateway.request-size in gateway/src/main/resources/application.yml)");
            }
            Set<String> tlsHosts = new TreeSet<>();
            for (Object tls : list(at(ingress.doc(), "spec", "tls"))) {
                list(map(tls).get("hosts")).forEach(h -> tlsHosts.add(str(h)));
            }
            List<Object> rules = list(at(ingress.doc(), "spec", "rules"));
            if (rules.isEmpty()) {
                problems.add(ingress, "has no rules");
            }
            for (Object rule : rules) {
                String host = str(map(rule).get("host"));
                if (overlay.equals("prod") && !tlsHosts.contains(host)) {
                    problems.add(ingress, "serves " + host + " without TLS");
                }
                for (Object path : list(at(rule, "http", "paths"))) {
                    Map<String, Object> backend = map(at(path, "backend", "service"));
                    String serviceName = str(backend.get("name"));
                    Object port = map(backend.get("port")).getOrDefault("name", map(backend.get("port")).get("number"));
                    Res service = m.find("Service", serviceName).orElse(null);
                    if (service == null) {
                        problems.add(ingress, "routes to Service " + serviceName + ", which does not exist");
                        continue;
                    }
                    if (!selects(map(at(service.doc(), "spec", "selector")),
                            m.find("Deployment", "gateway").map(KubernetesManifestsTest::podLabels).orElse(Map.of()))) {
                        problems.add(ingress, "routes to Service " + serviceName + ", which is not the gateway's:"
                                + " only the gateway is reachable from outside");
                    }
                    boolean hasPort = list(at(service.doc(), "spec", "ports")).stream()
                            .map(KubernetesManifestsTest::map)
                            .anyMatch(p -> Objects.equals(str(port), str(p.get("name")))
                                    || Objects.equals(str(port), str(p.get("port"))));
                    if (!hasPort) {
                        problems.add(ingress, "routes to port " + port + " of Service " + serviceName
                                + ", which has no such port");
                    }
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void pointsEveryInClusterAddressAtAServiceAndPort(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        Map<String, Set<Integer>> services = m.servicePorts();
        Pattern url = Pattern.compile("^https?://([a-z0-9-]+):(\\d+)(/.*)?$");
        Pattern address = Pattern.compile("^([a-z0-9-]+):(\\d+)$");
        for (Res d : m.portalDeployments()) {
            for (Map<String, Object> c : portalContainers(d)) {
                m.env(c).values().forEach((variable, value) -> {
                    for (String part : value.split(",")) {
                        Matcher u = url.matcher(part.trim());
                        Matcher a = address.matcher(part.trim());
                        Matcher hit = u.matches() ? u : a.matches() ? a : null;
                        if (hit == null) {
                            continue;
                        }
                        String host = hit.group(1);
                        int port = Integer.parseInt(hit.group(2));
                        if (!services.containsKey(host)) {
                            problems.add(d, variable + "=" + value + " names host " + host
                                    + ", which is no Service of this overlay or of its operators " + services.keySet());
                        } else if (!services.get(host).contains(port)) {
                            problems.add(d, variable + "=" + value + ": Service " + host + " has no port " + port
                                    + " (" + services.get(host) + ")");
                        }
                    }
                });
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void restrictsTheServicesToTheGatewayWithNetworkPolicies(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        Map<String, Object> gatewayPods = m.find("Deployment", "gateway").map(KubernetesManifestsTest::podLabels)
                .orElse(Map.of());
        for (Res policy : m.all("NetworkPolicy")) {
            Map<String, Object> selector = map(at(policy.doc(), "spec", "podSelector"));
            if (m.workloads().stream().noneMatch(w -> selects(selector, podLabels(w)))) {
                problems.add(policy, "selects no pods of this overlay: " + selector);
            }
        }
        for (Res d : m.portalDeployments()) {
            if (d.name().equals("gateway")) {
                continue;
            }
            boolean gatewayOnly = m.all("NetworkPolicy").stream()
                    .filter(p -> selects(map(at(p.doc(), "spec", "podSelector")), podLabels(d)))
                    .flatMap(p -> list(at(p.doc(), "spec", "ingress")).stream())
                    .flatMap(rule -> list(map(rule).get("from")).stream())
                    .map(KubernetesManifestsTest::map)
                    .anyMatch(peer -> peer.containsKey("podSelector") && !peer.containsKey("namespaceSelector")
                            && selects(map(peer.get("podSelector")), gatewayPods));
            if (!gatewayOnly) {
                problems.add(d, "no NetworkPolicy limits its pods to traffic from the gateway");
            }
        }
        problems.assertNone();
    }

    // ---- the backing services: MongoDB, RabbitMQ, Keycloak -------------------------------------------------------

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void declaresMongoDbAsAReplicaSetWhoseUserMayWriteEveryServiceDatabase(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        Res mongo = m.single(problems, "MongoDBCommunity", "mongodbcommunity.mongodb.com/v1");
        if (mongo == null) {
            problems.assertNone();
            return;
        }
        int members = intValue(at(mongo.doc(), "spec", "members"), 0);
        if (!"ReplicaSet".equals(at(mongo.doc(), "spec", "type"))) {
            problems.add(mongo, "is not of type ReplicaSet");
        }
        if (overlay.equals("prod") && members < 3) {
            problems.add(mongo, "has " + members + " members; production runs a replica set of three");
        }
        String version = str(at(mongo.doc(), "spec", "version"));
        if (version == null || Integer.parseInt(version.split("\\.")[0]) < 7) {
            problems.add(mongo, "runs MongoDB " + version + "; the portal needs 7 or newer");
        }
        if (!list(at(mongo.doc(), "spec", "security", "authentication", "modes")).contains("SCRAM")) {
            problems.add(mongo, "does not authenticate with SCRAM");
        }
        Map<String, Set<String>> writableBySecret = new TreeMap<>();
        for (Object user : list(at(mongo.doc(), "spec", "users"))) {
            Set<String> writable = new TreeSet<>();
            for (Object role : list(map(user).get("roles"))) {
                if (Set.of("readWrite", "dbOwner").contains(str(map(role).get("name")))) {
                    writable.add(str(map(role).get("db")));
                }
            }
            writableBySecret.put(mongoConnectionSecret(mongo, map(user)), writable);
        }
        for (Res d : m.portalDeployments()) {
            for (Map<String, Object> c : portalContainers(d)) {
                Env env = m.env(c);
                Ref uri = env.secretRefs().get("MONGODB_URI");
                if (uri == null) {
                    continue;
                }
                Set<String> writable = writableBySecret.get(uri.name());
                if (writable == null || !Set.of("connectionString.standard", "connectionString.standardSrv")
                        .contains(uri.key())) {
                    problems.add(d, "takes MONGODB_URI from " + uri.name() + "/" + uri.key()
                            + ", which is no connection string of a user of " + mongo.name());
                    continue;
                }
                String database = env.values().get("MONGODB_DATABASE");
                if (database != null && !writable.contains(database)) {
                    problems.add(mongo, "its user in " + uri.name() + " may not write database " + database
                            + ", which " + d.name() + " uses (MONGODB_DATABASE)");
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void declaresRabbitMqLoadingTheProjectsDefinitionsAtBoot(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        Res rabbit = m.single(problems, "RabbitmqCluster", "rabbitmq.com/v1beta1");
        if (rabbit == null) {
            problems.assertNone();
            return;
        }
        int replicas = intValue(at(rabbit.doc(), "spec", "replicas"), 1);
        if (overlay.equals("prod") && replicas < 3) {
            problems.add(rabbit, "has " + replicas + " replicas; production runs a cluster of three");
        }
        String config = Objects.toString(at(rabbit.doc(), "spec", "rabbitmq", "additionalConfig"), "");
        Matcher load = Pattern.compile("(?m)^\\s*load_definitions\\s*=\\s*(\\S+)").matcher(config);
        if (!load.find()) {
            problems.add(rabbit, "rabbitmq.additionalConfig has no load_definitions: the topology would not"
                    + " exist before the services first start");
            problems.assertNone();
            return;
        }
        String directory = load.group(1).replaceAll("/$", "");
        Map<String, Object> pod = map(at(rabbit.doc(), "spec", "override", "statefulSet", "spec", "template", "spec"));
        Map<String, Map<String, Object>> volumes = new LinkedHashMap<>();
        list(pod.get("volumes")).forEach(v -> volumes.put(str(map(v).get("name")), map(v)));
        Object topology = null;
        boolean users = false;
        for (Map<String, Object> c : containers(pod)) {
            for (Object mountObject : list(c.get("volumeMounts"))) {
                Map<String, Object> mount = map(mountObject);
                String path = str(mount.get("mountPath"));
                if (!path.startsWith(directory + "/")) {
                    continue;
                }
                Map<String, Object> volume = volumes.getOrDefault(str(mount.get("name")), Map.of());
                String key = str(mount.get("subPath"));
                if (volume.containsKey("configMap")) {
                    String name = str(at(volume, "configMap", "name"));
                    Object content = m.find("ConfigMap", name).map(cm -> map(cm.doc().get("data")).get(key))
                            .orElse(null);
                    if (content != null) {
                        topology = parseYaml(str(content));
                    }
                } else if (volume.containsKey("secret") && "users.json".equals(key)) {
                    users = true;
                }
            }
        }
        if (topology == null) {
            problems.add(rabbit, "mounts no ConfigMap with the definitions into " + directory);
        } else if (!topology.equals(parseYaml(read(ROOT.resolve("infra/rabbitmq/definitions.json"))))) {
            problems.add(rabbit, "loads definitions that differ from infra/rabbitmq/definitions.json: run"
                    + " infra/k8s/platform/sync-from-infra.sh");
        }
        if (!users) {
            problems.add(rabbit, "mounts no users.json into " + directory + ": a node that loads definitions at"
                    + " boot creates no default user, so nobody could log in");
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void declaresKeycloakWhoseHostnameIsTheIssuerTheServicesExpect(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        Res keycloak = m.single(problems, "Keycloak", "k8s.keycloak.org/v2alpha1");
        Res realmImport = m.single(problems, "KeycloakRealmImport", "k8s.keycloak.org/v2alpha1");
        if (keycloak == null || realmImport == null) {
            problems.assertNone();
            return;
        }
        int instances = intValue(at(keycloak.doc(), "spec", "instances"), 1);
        if (overlay.equals("prod") && instances < 2) {
            problems.add(keycloak, "has " + instances + " instance(s); production runs two");
        }
        if (at(keycloak.doc(), "spec", "db", "host") == null && at(keycloak.doc(), "spec", "db", "url") == null) {
            problems.add(keycloak, "has no database (spec.db)");
        }
        if (!keycloak.name().equals(at(realmImport.doc(), "spec", "keycloakCRName"))) {
            problems.add(realmImport, "imports into Keycloak " + at(realmImport.doc(), "spec", "keycloakCRName")
                    + ", but the Keycloak of this overlay is " + keycloak.name());
        }
        String hostname = str(at(keycloak.doc(), "spec", "hostname", "hostname"));
        String realm = str(at(realmImport.doc(), "spec", "realm", "realm"));
        String issuer = hostname == null ? null : hostname.replaceAll("/$", "") + "/realms/" + realm;
        String internal = "http://" + keycloak.name() + "-service:8080";
        for (Res d : m.portalDeployments()) {
            for (Map<String, Object> c : portalContainers(d)) {
                Map<String, String> env = m.env(c).values();
                if (!Objects.equals(issuer, env.get("KEYCLOAK_ISSUER_URI"))) {
                    problems.add(d, "KEYCLOAK_ISSUER_URI is " + env.get("KEYCLOAK_ISSUER_URI") + " but Keycloak "
                            + keycloak.name() + " issues tokens as " + issuer + " (its spec.hostname.hostname)");
                }
                String jwks = env.get("BRANDCLUSTER_SECURITY_JWK_SET_URI");
                if (jwks != null && !jwks.equals(internal + "/realms/" + realm + "/protocol/openid-connect/certs")) {
                    problems.add(d, "BRANDCLUSTER_SECURITY_JWK_SET_URI is " + jwks + "; expected the realm's keys at "
                            + internal);
                }
                String admin = env.get("KEYCLOAK_URL");
                if (admin != null && !admin.replaceAll("/$", "").equals(internal)) {
                    problems.add(d, "KEYCLOAK_URL is " + admin + "; expected Keycloak's in-cluster address "
                            + internal);
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void importsTheProjectRealmWithItsClientSecretsAndThePortalsAddress(String overlay) {
        Manifests m = built(overlay);
        Problems problems = new Problems("infra/k8s/overlays/" + overlay);
        Res realmImport = m.single(problems, "KeycloakRealmImport", "k8s.keycloak.org/v2alpha1");
        if (realmImport == null) {
            problems.assertNone();
            return;
        }
        Map<String, Object> realm = map(at(realmImport.doc(), "spec", "realm"));
        Map<String, Object> placeholders = map(at(realmImport.doc(), "spec", "placeholders"));
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}")
                .matcher(read(ROOT.resolve("infra/keycloak/brand-cluster-realm.json")));
        while (placeholder.find()) {
            String name = placeholder.group(1);
            if (!placeholders.containsKey(name)) {
                problems.add(realmImport, "the realm uses ${" + name + "}, which spec.placeholders does not set:"
                        + " the development default would be imported");
                continue;
            }
            Map<String, Object> secret = map(at(placeholders.get(name), "secret"));
            for (Res d : m.portalDeployments()) {
                for (Map<String, Object> c : portalContainers(d)) {
                    Ref ref = m.env(c).secretRefs().get(name);
                    if (ref != null
                            && (!ref.name().equals(secret.get("name")) || !ref.key().equals(secret.get("key")))) {
                        problems.add(d, name + " comes from " + ref.name() + "/" + ref.key() + " but the realm import"
                                + " sets it from " + secret.get("name") + "/" + secret.get("key"));
                    }
                }
            }
        }
        String portal = m.all("Ingress").stream().flatMap(i -> list(at(i.doc(), "spec", "rules")).stream()
                .map(r -> portalUrl(i, str(map(r).get("host"))))).findFirst().orElse(null);
        Map<String, Object> gatewayClient = list(realm.get("clients")).stream().map(KubernetesManifestsTest::map)
                .filter(c -> "portal-gateway".equals(c.get("clientId"))).findFirst().orElse(Map.of());
        List<String> urls = new ArrayList<>();
        list(gatewayClient.get("redirectUris")).forEach(u -> urls.add(str(u)));
        list(gatewayClient.get("webOrigins")).forEach(u -> urls.add(str(u)));
        urls.add(str(gatewayClient.get("rootUrl")));
        urls.add(str(map(gatewayClient.get("attributes")).get("post.logout.redirect.uris")));
        for (String u : urls) {
            if (portal == null || u == null || !(u.equals(portal) || u.startsWith(portal + "/"))) {
                problems.add(realmImport, "client portal-gateway names " + u + ", which is not the portal's address "
                        + portal + " (the Ingress host): patch it in the overlay's realm-import.yaml");
            }
        }
        if (overlay.equals("prod") && !list(realm.get("users")).isEmpty()) {
            problems.add(realmImport, "imports the demo users into production (their password is public)");
        }
        problems.assertNone();
    }

    // ---- what is not specific to one overlay -----------------------------------------------------------------------

    @Test
    void keepsTheCopiesOfTheInfraFilesInStepWithTheirSources() {
        Problems problems = new Problems("infra/k8s/platform");
        Object realm = parseYaml(read(ROOT.resolve("infra/keycloak/brand-cluster-realm.json")));
        Object copiedRealm = Kustomize.readResources(K8S.resolve("platform/keycloak-realm-import.yaml")).stream()
                .filter(r -> r.kind().equals("KeycloakRealmImport")).findFirst()
                .map(r -> at(r.doc(), "spec", "realm")).orElse(null);
        if (!realm.equals(copiedRealm)) {
            problems.add("infra/k8s/platform/keycloak-realm-import.yaml differs from"
                    + " infra/keycloak/brand-cluster-realm.json: run infra/k8s/platform/sync-from-infra.sh");
        }
        Object definitions = parseYaml(read(ROOT.resolve("infra/rabbitmq/definitions.json")));
        if (!definitions.equals(parseYaml(read(K8S.resolve("platform/rabbitmq-definitions.json"))))) {
            problems.add("infra/k8s/platform/rabbitmq-definitions.json differs from infra/rabbitmq/definitions.json:"
                    + " run infra/k8s/platform/sync-from-infra.sh");
        }
        for (Object queue : list(map(definitions).get("queues"))) {
            if (!"quorum".equals(at(queue, "arguments", "x-queue-type"))) {
                problems.add("infra/rabbitmq/definitions.json: queue " + map(queue).get("name")
                        + " is not a quorum queue");
            }
        }
        problems.assertNone();
    }

    @Test
    void listsInTheSecretsExampleExactlyTheSecretsTheOverlaysUse() {
        Problems problems = new Problems("infra/k8s/secrets.example.yaml");
        Set<String> used = new TreeSet<>();
        for (String overlay : List.of("dev", "prod")) {
            built(overlay).references().stream().filter(r -> r.kind().equals("Secret"))
                    .forEach(r -> used.add(r.name()));
        }
        Map<String, Map<String, String>> examples = exampleSecrets();
        for (String name : examples.keySet()) {
            if (!used.contains(name)) {
                problems.add("infra/k8s/secrets.example.yaml: Secret " + name + " is used by no overlay: remove it");
            }
        }
        Map<String, String> rabbit = examples.get("brandcluster-rabbitmq-portal");
        if (rabbit != null) {
            Map<String, Object> definitions = map(parseYaml(rabbit.getOrDefault("users.json", "{}")));
            Map<String, Object> user = list(definitions.get("users")).stream().map(KubernetesManifestsTest::map)
                    .filter(u -> Objects.equals(u.get("name"), rabbit.get("username"))).findFirst().orElse(Map.of());
            if (!Objects.equals(user.get("password"), rabbit.get("password"))) {
                problems.add("infra/k8s/secrets.example.yaml: brandcluster-rabbitmq-portal's users.json has no user "
                        + rabbit.get("username") + " with the Secret's password");
            }
            String tags = Objects.toString(user.get("tags"), "");
            if (!tags.contains("policymaker") && !tags.contains("administrator")) {
                problems.add("infra/k8s/secrets.example.yaml: user " + rabbit.get("username") + " needs the tag"
                        + " policymaker to apply the dead-lettering policies through the management API");
            }
            boolean permitted = list(definitions.get("permissions")).stream().map(KubernetesManifestsTest::map)
                    .anyMatch(p -> Objects.equals(p.get("user"), rabbit.get("username")) && "/".equals(p.get("vhost")));
            if (!permitted) {
                problems.add("infra/k8s/secrets.example.yaml: user " + rabbit.get("username")
                        + " has no permissions on the vhost /");
            }
        }
        problems.assertNone();
    }

    // ---- resolving an overlay --------------------------------------------------------------------------------------

    private static Manifests built(String overlay) {
        return BUILT.computeIfAbsent(overlay, o -> new Manifests(o, Kustomize.build(K8S.resolve("overlays/" + o))));
    }

    /** One resource of a resolved overlay, with the file that declared it and the files that changed it. */
    record Res(Map<String, Object> doc, String origin, List<String> changedBy) {

        Res(Map<String, Object> doc, String origin) {
            this(doc, origin, new ArrayList<>());
        }

        String kind() {
            return str(doc.get("kind"));
        }

        String name() {
            return str(at(doc, "metadata", "name"));
        }

        String apiVersion() {
            return str(doc.get("apiVersion"));
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + origin
                    + (changedBy.isEmpty() ? "" : ", changed by " + String.join(", ", changedBy)) + ")";
        }
    }

    /** A reference from a resource to a ConfigMap or Secret (key null: the whole object). */
    record Ref(String kind, String name, String key, Res from, String where) {
    }

    /** A container's environment: literal values (also from ConfigMaps), and the variables set from Secrets. */
    record Env(Map<String, String> values, Map<String, Ref> secretRefs, Set<String> names) {
    }

    /** A resolved overlay and the questions the checks ask it. */
    static final class Manifests {

        private final String overlay;
        private final List<Res> resources;

        Manifests(String overlay, List<Res> resources) {
            this.overlay = overlay;
            this.resources = resources;
        }

        List<Res> all(String kind) {
            return resources.stream().filter(r -> r.kind().equals(kind)).toList();
        }

        java.util.Optional<Res> find(String kind, String name) {
            return resources.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst();
        }

        Res single(Problems problems, String kind, String apiVersion) {
            List<Res> found = all(kind);
            if (found.size() != 1) {
                problems.add("expected one " + kind + " (" + apiVersion + "), found " + found.size());
                return null;
            }
            if (!found.getFirst().apiVersion().equals(apiVersion)) {
                problems.add(found.getFirst(), "is " + found.getFirst().apiVersion() + "; the operator serves "
                        + apiVersion);
            }
            return found.getFirst();
        }

        /** Everything that runs pods. */
        List<Res> workloads() {
            return resources.stream().filter(r -> podSpec(r.doc()) != null).toList();
        }

        /** Deployments running a brandcluster image. */
        List<Res> portalDeployments() {
            return all("Deployment").stream().filter(d -> !portalContainers(d).isEmpty()).toList();
        }

        Env env(Map<String, Object> container) {
            Map<String, String> values = new TreeMap<>();
            Map<String, Ref> secretRefs = new TreeMap<>();
            Set<String> names = new TreeSet<>();
            for (Object from : list(container.get("envFrom"))) {
                String prefix = Objects.toString(map(from).get("prefix"), "");
                Object cm = at(from, "configMapRef", "name");
                Object secret = at(from, "secretRef", "name");
                if (cm != null) {
                    find("ConfigMap", str(cm)).ifPresent(c -> map(c.doc().get("data"))
                            .forEach((k, v) -> {
                                values.put(prefix + k, str(v));
                                names.add(prefix + k);
                            }));
                }
                if (secret != null) {
                    Set<String> keys = availableSecrets().getOrDefault(str(secret), Set.of());
                    keys.forEach(k -> names.add(prefix + k));
                }
            }
            for (Object e : list(container.get("env"))) {
                String name = str(map(e).get("name"));
                names.add(name);
                if (map(e).containsKey("value")) {
                    values.put(name, str(map(e).get("value")));
                }
                Object cm = at(e, "valueFrom", "configMapKeyRef");
                if (cm != null) {
                    find("ConfigMap", str(map(cm).get("name")))
                            .map(c -> str(map(c.doc().get("data")).get(str(map(cm).get("key")))))
                            .ifPresent(v -> values.put(name, v));
                }
                Object secret = at(e, "valueFrom", "secretKeyRef");
                if (secret != null) {
                    secretRefs.put(name, new Ref("Secret", str(map(secret).get("name")),
                            str(map(secret).get("key")), null, "env " + name));
                }
            }
            return new Env(values, secretRefs, names);
        }

        /** Secrets with their keys: those you create (secrets.example.yaml), the operators', Kustomize's. */
        Map<String, Set<String>> availableSecrets() {
            Map<String, Set<String>> secrets = new TreeMap<>();
            exampleSecrets().forEach((name, data) -> secrets.put(name, data.keySet()));
            for (Res s : all("Secret")) {
                Set<String> keys = new TreeSet<>(map(s.doc().get("data")).keySet());
                keys.addAll(map(s.doc().get("stringData")).keySet());
                secrets.put(s.name(), keys);
            }
            for (Res mongo : all("MongoDBCommunity")) {
                for (Object user : list(at(mongo.doc(), "spec", "users"))) {
                    secrets.put(mongoConnectionSecret(mongo, map(user)), Set.of("connectionString.standard",
                            "connectionString.standardSrv", "username", "password"));
                }
            }
            for (Res keycloak : all("Keycloak")) {
                if (at(keycloak.doc(), "spec", "bootstrapAdmin") == null) {
                    secrets.put(keycloak.name() + "-initial-admin", Set.of("username", "password"));
                }
            }
            return secrets;
        }

        /** The operator's default-user Secrets of RabbitMQ clusters, which name no user (see rabbitmq.yaml). */
        Set<String> rabbitDefaultUserSecrets() {
            Set<String> names = new TreeSet<>();
            all("RabbitmqCluster").forEach(r -> names.add(r.name() + "-default-user"));
            return names;
        }

        /** Services by name with their ports: this overlay's, and those the operators create for their resources. */
        Map<String, Set<Integer>> servicePorts() {
            Map<String, Set<Integer>> services = new TreeMap<>();
            for (Res s : all("Service")) {
                Set<Integer> ports = new TreeSet<>();
                list(at(s.doc(), "spec", "ports")).forEach(p -> ports.add(intValue(map(p).get("port"), 0)));
                services.put(s.name(), ports);
            }
            all("RabbitmqCluster").forEach(r -> services.put(r.name(), Set.of(5672, 15672, 15692)));
            all("Keycloak").forEach(k -> services.put(k.name() + "-service",
                    Boolean.TRUE.equals(at(k.doc(), "spec", "http", "httpEnabled")) ? Set.of(8080, 8443)
                            : Set.of(8443)));
            all("MongoDBCommunity").forEach(mdb -> services.put(mdb.name() + "-svc", Set.of(27017)));
            return services;
        }

        /** Every reference to a ConfigMap or Secret, in pods and in the operators' resources. */
        List<Ref> references() {
            List<Ref> refs = new ArrayList<>();
            for (Res r : resources) {
                Map<String, Object> pod = podSpec(r.doc());
                if (pod == null && r.kind().equals("RabbitmqCluster")) {
                    pod = map(at(r.doc(), "spec", "override", "statefulSet", "spec", "template", "spec"));
                }
                if (pod != null) {
                    podReferences(r, pod, refs);
                }
                switch (r.kind()) {
                    case "Ingress" -> list(at(r.doc(), "spec", "tls")).forEach(t -> tlsRef(r, map(t).get("secretName"),
                            "tls", refs));
                    case "MongoDBCommunity" -> list(at(r.doc(), "spec", "users")).forEach(u -> {
                        Map<String, Object> secret = map(map(u).get("passwordSecretRef"));
                        refs.add(new Ref("Secret", str(secret.get("name")),
                                Objects.toString(secret.get("key"), "password"), r,
                                "user " + map(u).get("name") + " passwordSecretRef"));
                    });
                    case "Keycloak" -> {
                        for (String field : List.of("usernameSecret", "passwordSecret")) {
                            Map<String, Object> s = map(at(r.doc(), "spec", "db", field));
                            if (!s.isEmpty()) {
                                refs.add(new Ref("Secret", str(s.get("name")), str(s.get("key")), r, "db." + field));
                            }
                        }
                        tlsRef(r, at(r.doc(), "spec", "http", "tlsSecret"), "http.tlsSecret", refs);
                        tlsRef(r, at(r.doc(), "spec", "ingress", "tlsSecret"), "ingress.tlsSecret", refs);
                    }
                    case "KeycloakRealmImport" -> map(at(r.doc(), "spec", "placeholders")).forEach((name, p) ->
                            refs.add(new Ref("Secret", str(at(p, "secret", "name")), str(at(p, "secret", "key")), r,
                                    "placeholder " + name)));
                    default -> {
                    }
                }
            }
            return refs;
        }

        private static void tlsRef(Res r, Object name, String where, List<Ref> refs) {
            if (name != null) {
                refs.add(new Ref("Secret", str(name), "tls.crt", r, where));
                refs.add(new Ref("Secret", str(name), "tls.key", r, where));
            }
        }

        private static void podReferences(Res r, Map<String, Object> pod, List<Ref> refs) {
            List<Map<String, Object>> all = new ArrayList<>(containers(pod));
            list(pod.get("initContainers")).forEach(c -> all.add(map(c)));
            for (Map<String, Object> c : all) {
                String container = "container " + c.get("name");
                for (Object from : list(c.get("envFrom"))) {
                    addRef(refs, r, "ConfigMap", map(map(from).get("configMapRef")), null, container + " envFrom");
                    addRef(refs, r, "Secret", map(map(from).get("secretRef")), null, container + " envFrom");
                }
                for (Object e : list(c.get("env"))) {
                    String where = container + " env " + map(e).get("name");
                    Map<String, Object> cm = map(at(e, "valueFrom", "configMapKeyRef"));
                    Map<String, Object> secret = map(at(e, "valueFrom", "secretKeyRef"));
                    addRef(refs, r, "ConfigMap", cm, str(cm.get("key")), where);
                    addRef(refs, r, "Secret", secret, str(secret.get("key")), where);
                }
            }
            for (Object v : list(pod.get("volumes"))) {
                String where = "volume " + map(v).get("name");
                Map<String, Object> cm = map(map(v).get("configMap"));
                Map<String, Object> secret = map(map(v).get("secret"));
                volumeRefs(refs, r, "ConfigMap", cm, str(cm.get("name")), where);
                volumeRefs(refs, r, "Secret", secret, str(secret.get("secretName")), where);
                for (Object source : list(at(v, "projected", "sources"))) {
                    Map<String, Object> pcm = map(map(source).get("configMap"));
                    Map<String, Object> ps = map(map(source).get("secret"));
                    volumeRefs(refs, r, "ConfigMap", pcm, str(pcm.get("name")), where);
                    volumeRefs(refs, r, "Secret", ps, str(ps.get("name")), where);
                }
            }
        }

        private static void addRef(List<Ref> refs, Res r, String kind, Map<String, Object> ref, String key,
                                   String where) {
            if (!ref.isEmpty() && !Boolean.TRUE.equals(ref.get("optional"))) {
                refs.add(new Ref(kind, str(ref.get("name")), key, r, where));
            }
        }

        private static void volumeRefs(List<Ref> refs, Res r, String kind, Map<String, Object> volume, String name,
                                       String where) {
            if (volume.isEmpty() || Boolean.TRUE.equals(volume.get("optional"))) {
                return;
            }
            refs.add(new Ref(kind, name, null, r, where));
            for (Object item : list(volume.get("items"))) {
                refs.add(new Ref(kind, name, str(map(item).get("key")), r, where + " item"));
            }
        }

        @Override
        public String toString() {
            return "overlays/" + overlay;
        }
    }

    /**
     * What {@code kubectl kustomize} does, to the degree the checks need it: resources (files and directories),
     * configMapGenerator (create, merge, replace), patches (strategic merge by kind and name or by target, with merge
     * keys for built-in kinds and plain replacement of lists in custom resources, as Kustomize does; JSON 6902 with
     * a target), images, namespace, labels. Other kustomization fields fail the build here.
     */
    static final class Kustomize {

        private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "configMapGenerator",
                "patches", "images", "namespace", "labels");
        private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
                "CustomResourceDefinition", "StorageClass", "PriorityClass", "IngressClass");

        static List<Res> build(Path dir) {
            Path file = dir.resolve("kustomization.yaml");
            if (!Files.isRegularFile(file)) {
                fail(rel(dir) + " has no kustomization.yaml");
            }
            Map<String, Object> k = map(parseYaml(read(file)));
            Set<String> unknown = new TreeSet<>(k.keySet());
            unknown.removeAll(SUPPORTED);
            if (!unknown.isEmpty()) {
                fail(rel(file) + " uses " + unknown + ", which KubernetesManifestsTest does not resolve: teach the"
                        + " test (class Kustomize) or express it with " + SUPPORTED);
            }
            List<Res> out = new ArrayList<>();
            for (Object entry : list(k.get("resources"))) {
                Path path = dir.resolve(str(entry)).normalize();
                if (Files.isDirectory(path)) {
                    out.addAll(build(path));
                } else if (Files.isRegularFile(path)) {
                    out.addAll(readResources(path));
                } else {
                    fail(rel(file) + ": resource " + entry + " does not exist");
                }
            }
            for (Object generator : list(k.get("configMapGenerator"))) {
                generate(file, dir, map(generator), out);
            }
            for (Object p : list(k.get("patches"))) {
                patch(file, dir, map(p), out);
            }
            for (Object image : list(k.get("images"))) {
                images(map(image), out);
            }
            for (Object labels : list(k.get("labels"))) {
                labels(map(labels), out);
            }
            if (k.get("namespace") != null) {
                out.stream().filter(r -> !CLUSTER_SCOPED.contains(r.kind()))
                        .forEach(r -> mutableMap(r.doc(), "metadata").put("namespace", k.get("namespace")));
            }
            Set<String> seen = new TreeSet<>();
            for (Res r : out) {
                if (!seen.add(r.kind() + "/" + r.name())) {
                    fail(rel(file) + ": " + r.kind() + " " + r.name() + " is declared twice (" + r.origin() + ")");
                }
            }
            return out;
        }

        static List<Res> readResources(Path file) {
            List<Res> out = new ArrayList<>();
            for (Object doc : yaml().loadAll(read(file))) {
                if (doc == null) {
                    continue;
                }
                Map<String, Object> m = map(doc);
                if (m.get("kind") == null || at(m, "metadata", "name") == null) {
                    fail(rel(file) + ": a document without kind or metadata.name");
                }
                out.add(new Res(m, rel(file)));
            }
            return out;
        }

        private static void generate(Path file, Path dir, Map<String, Object> generator, List<Res> out) {
            String name = str(generator.get("name"));
            String behavior = Objects.toString(generator.get("behavior"), "create");
            Map<String, Object> data = new TreeMap<>();
            for (Object literal : list(generator.get("literals"))) {
                String s = str(literal);
                int eq = s.indexOf('=');
                data.put(s.substring(0, eq), s.substring(eq + 1));
            }
            for (Object f : list(generator.get("files"))) {
                String s = str(f);
                int eq = s.indexOf('=');
                String key = eq < 0 ? Path.of(s).getFileName().toString() : s.substring(0, eq);
                Path path = dir.resolve(eq < 0 ? s : s.substring(eq + 1)).normalize();
                if (!path.startsWith(dir)) {
                    fail(rel(file) + ": configMapGenerator " + name + " reads " + s + ", outside the kustomization's"
                            + " directory: kubectl kustomize refuses that (load restrictor)");
                }
                data.put(key, read(path));
            }
            for (Object env : list(generator.get("envs"))) {
                for (String line : read(dir.resolve(str(env))).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        data.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                    }
                }
            }
            Res existing = out.stream().filter(r -> r.kind().equals("ConfigMap") && r.name().equals(name))
                    .findFirst().orElse(null);
            switch (behavior) {
                case "create" -> {
                    if (existing != null) {
                        fail(rel(file) + ": configMapGenerator " + name + " creates a ConfigMap that exists already"
                                + " (" + existing.origin() + "): use behavior: merge");
                    }
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("apiVersion", "v1");
                    doc.put("kind", "ConfigMap");
                    doc.put("metadata", new LinkedHashMap<>(Map.of("name", name)));
                    doc.put("data", data);
                    out.add(new Res(doc, rel(file) + " configMapGenerator " + name));
                }
                case "merge", "replace" -> {
                    if (existing == null) {
                        fail(rel(file) + ": configMapGenerator " + name + " has behavior " + behavior
                                + " but no base generates that ConfigMap");
                    }
                    existing.changedBy().add(rel(file) + " configMapGenerator " + name);
                    Map<String, Object> target = mutableMap(existing.doc(), "data");
                    if (behavior.equals("replace")) {
                        target.clear();
                    }
                    target.putAll(data);
                }
                default -> fail(rel(file) + ": configMapGenerator " + name + " has unknown behavior " + behavior);
            }
        }

        private static void patch(Path file, Path dir, Map<String, Object> entry, List<Res> out) {
            String source = entry.get("path") != null ? rel(dir.resolve(str(entry.get("path"))).normalize())
                    : rel(file) + " inline patch";
            Object content = entry.get("path") != null ? parseYaml(read(dir.resolve(str(entry.get("path")))))
                    : parseYaml(str(entry.get("patch")));
            Map<String, Object> target = map(entry.get("target"));
            if (content instanceof List<?> operations) {
                if (target.isEmpty()) {
                    fail(source + ": a JSON 6902 patch needs a target");
                }
                List<Res> matches = matching(out, target);
                if (matches.isEmpty()) {
                    fail(source + ": the target " + target + " matches no resource");
                }
                for (Res r : matches) {
                    r.changedBy().add(source);
                    for (Object op : operations) {
                        jsonPatch(source, r, map(op));
                    }
                }
                return;
            }
            Map<String, Object> patch = map(content);
            if (target.isEmpty()) {
                target = Map.of("kind", patch.get("kind"), "name", at(patch, "metadata", "name"));
            }
            List<Res> matches = matching(out, target);
            if (matches.isEmpty()) {
                fail(source + ": patches " + target + ", which no resource is");
            }
            Map<String, Object> body = deepCopy(patch);
            body.remove("apiVersion");
            body.remove("kind");
            mutableMap(body, "metadata").remove("name");
            for (Res r : matches) {
                r.changedBy().add(source);
                strategicMerge(r.doc(), deepCopy(body), builtIn(r));
            }
        }

        private static List<Res> matching(List<Res> out, Map<String, Object> target) {
            return out.stream()
                    .filter(r -> target.get("kind") == null || r.kind().equals(target.get("kind")))
                    .filter(r -> target.get("name") == null || r.name().matches(str(target.get("name"))))
                    .filter(r -> target.get("labelSelector") == null
                            || labelSelectorMatches(str(target.get("labelSelector")), map(at(r.doc(), "metadata",
                            "labels"))))
                    .toList();
        }

        private static boolean labelSelectorMatches(String selector, Map<String, Object> labels) {
            for (String term : selector.split(",")) {
                String[] kv = term.split("=", 2);
                if (kv.length != 2 || !kv[1].trim().equals(str(labels.get(kv[0].trim())))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean builtIn(Res r) {
            String apiVersion = r.apiVersion();
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            return !group.contains(".") || group.endsWith(".k8s.io");
        }

        /** Kubernetes' strategic merge: maps merge, null deletes, lists of built-in kinds merge by their keys. */
        @SuppressWarnings("unchecked")
        static void strategicMerge(Map<String, Object> target, Map<String, Object> patch, boolean builtIn) {
            for (Map.Entry<String, Object> e : patch.entrySet()) {
                String key = e.getKey();
                Object value = e.getValue();
                Object existing = target.get(key);
                if (value == null) {
                    target.remove(key);
                } else if (value instanceof Map<?, ?> pm && existing instanceof Map<?, ?> tm) {
                    strategicMerge((Map<String, Object>) tm, (Map<String, Object>) pm, builtIn);
                } else if (builtIn && value instanceof List<?> pl && existing instanceof List<?> tl
                        && mergeKey(key, pl) != null) {
                    String mergeKey = mergeKey(key, pl);
                    List<Object> merged = (List<Object>) tl;
                    for (Object item : pl) {
                        Object id = map(item).get(mergeKey);
                        Map<String, Object> same = merged.stream().map(KubernetesManifestsTest::map)
                                .filter(t -> Objects.equals(t.get(mergeKey), id)).findFirst().orElse(null);
                        if (same == null) {
                            merged.add(item);
                        } else {
                            strategicMerge(same, (Map<String, Object>) item, true);
                        }
                    }
                } else {
                    target.put(key, value);
                }
            }
        }

        private static String mergeKey(String field, List<?> items) {
            return switch (field) {
                case "containers", "initContainers", "env", "volumes", "imagePullSecrets" -> "name";
                case "volumeMounts" -> "mountPath";
                case "topologySpreadConstraints" -> "topologyKey";
                case "ports" -> items.stream().anyMatch(i -> map(i).containsKey("containerPort")) ? "containerPort"
                        : "port";
                default -> null;
            };
        }

        @SuppressWarnings("unchecked")
        private static void jsonPatch(String source, Res r, Map<String, Object> op) {
            String path = str(op.get("path"));
            List<String> tokens = new ArrayList<>();
            for (String t : path.substring(1).split("/", -1)) {
                tokens.add(t.replace("~1", "/").replace("~0", "~"));
            }
            Object parent = r.doc();
            for (String t : tokens.subList(0, tokens.size() - 1)) {
                parent = parent instanceof Map<?, ?> m ? m.get(t)
                        : parent instanceof List<?> l && t.matches("\\d+") && Integer.parseInt(t) < l.size()
                        ? l.get(Integer.parseInt(t)) : null;
                if (parent == null) {
                    fail(source + ": " + path + " does not exist in " + r);
                }
            }
            String last = tokens.getLast();
            Object value = deepCopy(op.get("value"));
            String operation = str(op.get("op"));
            if (parent instanceof Map<?, ?> pm) {
                Map<String, Object> m = (Map<String, Object>) pm;
                switch (operation) {
                    case "test" -> {
                        if (!Objects.equals(m.get(last), value)) {
                            fail(source + ": test " + path + " == " + value + " fails on " + r + " (it is "
                                    + m.get(last) + "): kubectl kustomize would stop here");
                        }
                    }
                    case "add" -> m.put(last, value);
                    case "replace", "remove" -> {
                        if (!m.containsKey(last)) {
                            fail(source + ": cannot " + operation + " " + path + " in " + r + ": it does not exist");
                        }
                        if (operation.equals("replace")) {
                            m.put(last, value);
                        } else {
                            m.remove(last);
                        }
                    }
                    default -> fail(source + ": JSON patch operation " + operation + " is not resolved by the test");
                }
            } else if (parent instanceof List<?> pl) {
                List<Object> l = (List<Object>) pl;
                int index = last.equals("-") ? l.size() : Integer.parseInt(last);
                switch (operation) {
                    case "test" -> {
                        if (!Objects.equals(l.get(index), value)) {
                            fail(source + ": test " + path + " fails on " + r);
                        }
                    }
                    case "add" -> l.add(index, value);
                    case "replace" -> l.set(index, value);
                    case "remove" -> l.remove(index);
                    default -> fail(source + ": JSON patch operation " + operation + " is not resolved by the test");
                }
            } else {
                fail(source + ": " + path + " does not exist in " + r);
            }
        }

        private static void images(Map<String, Object> image, List<Res> out) {
            String name = str(image.get("name"));
            for (Res r : out) {
                Map<String, Object> pod = podSpec(r.doc());
                if (pod == null) {
                    continue;
                }
                List<Object> all = new ArrayList<>(list(pod.get("containers")));
                all.addAll(list(pod.get("initContainers")));
                for (Object c : all) {
                    String current = str(map(c).get("image"));
                    if (current != null && name.equals(imageName(current))) {
                        String newName = Objects.toString(image.get("newName"), name);
                        String tag = image.get("newTag") != null ? ":" + image.get("newTag")
                                : imageTag(current) != null ? ":" + imageTag(current) : "";
                        map(c).put("image", newName + tag);
                    }
                }
            }
        }

        private static void labels(Map<String, Object> entry, List<Res> out) {
            Map<String, Object> pairs = map(entry.get("pairs"));
            boolean selectors = Boolean.TRUE.equals(entry.get("includeSelectors"));
            boolean templates = selectors || Boolean.TRUE.equals(entry.get("includeTemplates"));
            for (Res r : out) {
                mutableMap(mutableMap(r.doc(), "metadata"), "labels").putAll(pairs);
                if (templates && podSpec(r.doc()) != null) {
                    mutableMap(mutableMap(mutableMap(mutableMap(r.doc(), "spec"), "template"), "metadata"), "labels")
                            .putAll(pairs);
                }
                if (selectors) {
                    if (r.kind().equals("Service")) {
                        mutableMap(mutableMap(r.doc(), "spec"), "selector").putAll(pairs);
                    } else if (podSpec(r.doc()) != null) {
                        mutableMap(mutableMap(mutableMap(r.doc(), "spec"), "selector"), "matchLabels").putAll(pairs);
                    }
                }
            }
        }
    }

    // ---- the project: Boot modules, their configuration, the example Secrets ---------------------------------------

    /** A Boot module of the root pom: its directory, artifactId and the placeholders of its application.yml. */
    record Module(String dir, String artifactId, Map<String, String> placeholderDefaults, Set<String> requiredInPod) {

        String image() {
            return IMAGE_PREFIX + artifactId;
        }
    }

    private static Map<String, Module> bootModules() {
        return MODULES.computeIfAbsent(ROOT, root -> readBootModules());
    }

    private static Map<String, Module> readBootModules() {
        Map<String, Module> modules = new TreeMap<>();
        Element root = xml(ROOT.resolve("pom.xml"));
        for (Element module : children(child(root, "modules"), "module")) {
            String dir = module.getTextContent().trim();
            Path pom = ROOT.resolve(dir).resolve("pom.xml");
            if (!Files.isRegularFile(pom)) {
                continue;
            }
            Element project = xml(pom);
            boolean boot = children(child(child(project, "build"), "plugins"), "plugin").stream()
                    .anyMatch(p -> "spring-boot-maven-plugin".equals(text(child(p, "artifactId"))));
            if (!boot) {
                continue;
            }
            String artifactId = text(child(project, "artifactId"));
            Map<String, String> defaults = new TreeMap<>();
            Set<String> required = new TreeSet<>();
            Path config = ROOT.resolve(dir).resolve("src/main/resources/application.yml");
            if (Files.isRegularFile(config)) {
                Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}").matcher(read(config));
                while (placeholder.find()) {
                    String name = placeholder.group(1);
                    String def = placeholder.group(2);
                    if (def != null) {
                        defaults.put(name, def);
                    }
                    if (def == null || LOCAL_DEFAULT.matcher(def).find()) {
                        required.add(name);
                    }
                }
            }
            modules.put(artifactId, new Module(dir, artifactId, defaults, required));
        }
        return modules;
    }

    /** The largest request body the gateway accepts, from its application.yml. */
    private static long gatewayLargestRequestSize() {
        Object config = parseYaml(read(ROOT.resolve("gateway/src/main/resources/application.yml")));
        Map<String, Object> sizes = map(at(config, "brandcluster", "gateway", "request-size"));
        long largest = dataSize(str(sizes.get("max")));
        for (Object size : map(sizes.get("per-service")).values()) {
            largest = Math.max(largest, dataSize(str(size)));
        }
        return largest;
    }

    /** The Secrets of secrets.example.yaml by name, with their keys and (string) values. */
    private static Map<String, Map<String, String>> exampleSecrets() {
        return EXAMPLE_SECRETS.computeIfAbsent(SECRETS_EXAMPLE, file -> readExampleSecrets());
    }

    private static Map<String, Map<String, String>> readExampleSecrets() {
        Map<String, Map<String, String>> secrets = new TreeMap<>();
        for (Res r : Kustomize.readResources(SECRETS_EXAMPLE)) {
            if (!r.kind().equals("Secret")) {
                fail("infra/k8s/secrets.example.yaml holds a " + r.kind() + "; it lists Secrets only");
            }
            Map<String, String> data = new TreeMap<>();
            map(r.doc().get("stringData")).forEach((k, v) -> data.put(k, str(v)));
            map(r.doc().get("data")).forEach((k, v) -> data.put(k, str(v)));
            secrets.put(r.name(), data);
        }
        return secrets;
    }

    private static String mongoConnectionSecret(Res mongo, Map<String, Object> user) {
        Object explicit = user.get("connectionStringSecretName");
        return explicit != null ? str(explicit)
                : mongo.name() + "-" + Objects.toString(user.get("db"), "admin") + "-" + user.get("name");
    }

    // ---- pods and containers ---------------------------------------------------------------------------------------

    private static Map<String, Object> podSpec(Map<String, Object> doc) {
        String kind = str(doc.get("kind"));
        return switch (kind) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> map(at(doc, "spec", "template",
                    "spec"));
            case "CronJob" -> map(at(doc, "spec", "jobTemplate", "spec", "template", "spec"));
            case "Pod" -> map(doc.get("spec"));
            default -> null;
        };
    }

    private static Map<String, Object> podLabels(Res workload) {
        return map(at(workload.doc(), "spec", "template", "metadata", "labels"));
    }

    private static List<Map<String, Object>> containers(Map<String, Object> pod) {
        return pod == null ? List.of()
                : list(pod.get("containers")).stream().map(KubernetesManifestsTest::map).toList();
    }

    private static List<Map<String, Object>> portalContainers(Res workload) {
        return containers(podSpec(workload.doc())).stream().filter(c -> imageName(c).startsWith(IMAGE_PREFIX))
                .toList();
    }

    private static String imageName(Map<String, Object> container) {
        return imageName(Objects.toString(container.get("image"), ""));
    }

    private static String imageName(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    private static String imageTag(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(colon + 1) : null;
    }

    /** The HTTP port of a container: its only port, or the one named http. */
    private static Integer httpPort(Map<String, Object> container) {
        List<Map<String, Object>> ports = list(container.get("ports")).stream().map(KubernetesManifestsTest::map)
                .toList();
        Map<String, Object> port = ports.size() == 1 ? ports.getFirst()
                : ports.stream().filter(p -> "http".equals(p.get("name"))).findFirst().orElse(null);
        return port == null ? null : intValue(port.get("containerPort"), 0);
    }

    /** A port given by number or by the name of one of the container's ports. */
    private static Integer resolvePort(Map<String, Object> container, Object port) {
        if (port instanceof Integer n) {
            return n;
        }
        return list(container.get("ports")).stream().map(KubernetesManifestsTest::map)
                .filter(p -> Objects.equals(str(port), str(p.get("name"))))
                .map(p -> intValue(p.get("containerPort"), 0)).findFirst().orElse(null);
    }

    private static Object targetPort(Map<String, Object> servicePort) {
        return servicePort.getOrDefault("targetPort", servicePort.get("port"));
    }

    private static void checkProbe(Problems problems, Res d, Map<String, Object> c, String probe, Set<String> paths,
                                   int port, boolean required) {
        Map<String, Object> get = map(at(c, probe, "httpGet"));
        if (get.isEmpty()) {
            if (required) {
                problems.add(d, "container " + c.get("name") + " has no HTTP " + probe + " (expected one of "
                        + paths + ")");
            }
            return;
        }
        if (!paths.contains(str(get.get("path")))) {
            problems.add(d, "container " + c.get("name") + " " + probe + " asks " + get.get("path") + "; expected "
                    + String.join(" or ", paths));
        }
        Integer probed = resolvePort(c, get.get("port"));
        if (!Objects.equals(probed, port)) {
            problems.add(d, "container " + c.get("name") + " " + probe + " asks port " + get.get("port")
                    + ", not the container port " + port);
        }
    }

    private static Object securityContextValue(Map<String, Object> pod, Map<String, Object> container, String key) {
        Object own = at(container, "securityContext", key);
        return own != null ? own : at(pod, "securityContext", key);
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        Map<String, Object> matchLabels = selector.containsKey("matchLabels") || selector.containsKey(
                "matchExpressions") ? map(selector.get("matchLabels")) : selector;
        if (matchLabels.isEmpty() && list(selector.get("matchExpressions")).isEmpty()) {
            return false;
        }
        if (!labels.entrySet().containsAll(matchLabels.entrySet())) {
            return false;
        }
        for (Object expression : list(selector.get("matchExpressions"))) {
            Map<String, Object> e = map(expression);
            Object value = labels.get(str(e.get("key")));
            boolean ok = switch (str(e.get("operator"))) {
                case "In" -> list(e.get("values")).contains(value);
                case "NotIn" -> !list(e.get("values")).contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String portalUrl(Res ingress, String host) {
        boolean tls = list(at(ingress.doc(), "spec", "tls")).stream()
                .anyMatch(t -> list(map(t).get("hosts")).contains(host));
        return (tls ? "https://" : "http://") + host;
    }

    // ---- sizes -----------------------------------------------------------------------------------------------------

    private static long memoryBytes(String quantity) {
        Matcher q = Pattern.compile("^(\\d+(?:\\.\\d+)?)([KMGT]i?|[kmgt])?$").matcher(quantity);
        if (!q.matches()) {
            fail("cannot read the memory quantity " + quantity);
        }
        double n = Double.parseDouble(q.group(1));
        String unit = Objects.toString(q.group(2), "");
        long factor = switch (unit) {
            case "Ki" -> 1L << 10;
            case "Mi" -> 1L << 20;
            case "Gi" -> 1L << 30;
            case "Ti" -> 1L << 40;
            case "k", "K" -> 1000L;
            case "M" -> 1000L * 1000;
            case "G" -> 1000L * 1000 * 1000;
            case "T" -> 1000L * 1000 * 1000 * 1000;
            default -> 1L;
        };
        return (long) (n * factor);
    }

    /** Spring's DataSize: 100MB = 100 * 1024 * 1024 bytes. */
    private static long dataSize(String size) {
        Matcher s = Pattern.compile("^(\\d+)\\s*(B|KB|MB|GB|TB)?$").matcher(size.trim().toUpperCase(Locale.ROOT));
        if (!s.matches()) {
            fail("cannot read the data size " + size);
        }
        int shift = switch (Objects.toString(s.group(2), "B")) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            case "TB" -> 40;
            default -> 0;
        };
        return Long.parseLong(s.group(1)) << shift;
    }

    /** nginx's sizes: 100m = 100 * 1024 * 1024 bytes. */
    private static long nginxSize(String size) {
        Matcher s = Pattern.compile("^(\\d+)([kKmMgG])?$").matcher(size.trim());
        if (!s.matches()) {
            return -1;
        }
        int shift = switch (Objects.toString(s.group(2), "").toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(s.group(1)) << shift;
    }

    // ---- YAML, XML and files ---------------------------------------------------------------------------------------

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    private static Object parseYaml(String text) {
        return yaml().load(text);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static Object at(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static int intValue(Object o, int otherwise) {
        return o instanceof Number n ? n.intValue() : o == null ? otherwise : Integer.parseInt(str(o));
    }

    /** The map under key, created (as a mutable map) when absent. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutableMap(Map<String, Object> parent, String key) {
        Object existing = parent.get(key);
        if (existing instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(str(k), deepCopy(v)));
            return (T) copy;
        }
        if (o instanceof Collection<?> c) {
            List<Object> copy = new ArrayList<>();
            c.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return o;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + rel(file), e);
        }
    }

    private static String rel(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(ROOT) ? ROOT.relativize(absolute).toString() : absolute.toString();
    }

    private static Element xml(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + rel(file), e);
        }
    }

    private static Element child(Element parent, String name) {
        return parent == null ? null : children(parent, name).stream().findFirst().orElse(null);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(name)) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().trim();
    }

    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/k8s")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no infra/k8s above " + Path.of("").toAbsolutePath());
    }

    /** The problems one check found, reported together. */
    static final class Problems {

        private final String scope;
        private final Set<String> found = new LinkedHashSet<>();

        Problems(String scope) {
            this.scope = scope;
        }

        void add(String problem) {
            found.add(problem);
        }

        void add(Res resource, String problem) {
            found.add(resource + ": " + problem);
        }

        void assertNone() {
            if (!found.isEmpty()) {
                fail(scope + ": " + found.size() + " problem(s) in infra/k8s\n  - " + String.join("\n  - ", found));
            }
        }
    }

}
