package com.brandcluster.platform.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.brandcluster.contracts.EventCatalog;
import com.brandcluster.contracts.Exchanges;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra/rabbitmq/definitions.json} declares exactly what the services declare at start (read from each
 * service's {@code application.yml}), so that loading it never conflicts with them and every queue exists before its
 * consumer first starts.
 */
class MessagingTopologyDefinitionsTest {

    private static final Path DEFINITIONS = Path.of("../../infra/rabbitmq/definitions.json");
    private static final JsonMapper JSON = JsonMapper.shared();

    /** The services of the portal, each with the topology its own {@code application.yml} configures. */
    private static final List<String> SERVICES = List.of("membership-service", "events-service",
            "expert-salon-service", "branding-assets-service", "notification-service");
    private static final List<MessagingTopology> CONSUMERS = SERVICES.stream()
            .map(MessagingTopologyDefinitionsTest::topologyOf).toList();

    private static MessagingTopology topologyOf(String service) {
        Path configuration = Path.of("../..", service, "src/main/resources/application.yml");
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load(service, new FileSystemResource(configuration));
            MessagingProperties properties = new Binder(ConfigurationPropertySources.from(sources))
                    .bindOrCreate("brandcluster.messaging", MessagingProperties.class);
            return new MessagingTopology(properties, service);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + configuration, ex);
        }
    }

    @Test
    void readsEveryServicesSubscriptions() {
        assertThat(CONSUMERS.stream().flatMap(topology -> topology.declarables()
                .getDeclarablesByType(Queue.class).stream()).map(Queue::getName))
                .contains("events-service.members", "expert-salon-service.members",
                        "branding-assets-service.members");
    }

    @Test
    void declaresEveryProducersExchangeAndTheDeadLetterExchange() throws IOException {
        Set<String> declared = new HashSet<>();
        for (JsonNode exchange : definitions().path("exchanges").values()) {
            declared.add(exchange.path("name").asString() + " " + exchange.path("type").asString() + " "
                    + exchange.path("durable").asBoolean());
        }
        Set<String> expected = new HashSet<>(Set.of("membership.events topic true", "salons.events topic true",
                "events.events topic true", "assets.events topic true"));
        CONSUMERS.forEach(topology -> topology.declarables().getDeclarablesByType(Exchange.class).forEach(exchange ->
                expected.add(exchange.getName() + " " + exchange.getType() + " " + exchange.isDurable())));

        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void declaresTheServicesQueuesWithTheSameArguments() throws IOException {
        Map<String, Object> declared = new java.util.HashMap<>();
        for (JsonNode queue : definitions().path("queues").values()) {
            assertThat(queue.path("durable").asBoolean()).isTrue();
            assertThat(queue.path("auto_delete").asBoolean()).isFalse();
            declared.put(queue.path("name").asString(), JSON.convertValue(queue.path("arguments"), Map.class));
        }
        Map<String, Object> expected = new java.util.HashMap<>();
        CONSUMERS.forEach(topology -> topology.declarables().getDeclarablesByType(Queue.class)
                .forEach(queue -> expected.put(queue.getName(), queue.getArguments())));

        assertThat(declared).isEqualTo(expected);
    }

    /**
     * Events are published {@code mandatory}: one that no queue is bound for comes back unroutable and stays pending in
     * its producer's outbox, retried forever. So every event of the catalogue has a consumer, even one that tells
     * nobody of it.
     */
    @Test
    void everyEventOfTheCatalogueReachesAConsumerQueue() {
        List<Binding> bindings = CONSUMERS.stream()
                .flatMap(topology -> topology.declarables().getDeclarablesByType(Binding.class).stream()).toList();
        List<String> unrouted = EventCatalog.routingKeys().stream()
                .filter(key -> bindings.stream().noneMatch(binding ->
                        binding.getExchange().equals(EventCatalog.forRoutingKey(key).orElseThrow().exchange())
                                && topicMatches(binding.getRoutingKey(), key)))
                .sorted().toList();

        assertThat(unrouted).as("events no service consumes").isEmpty();
    }

    /** AMQP topic matching: {@code *} one word, {@code #} zero or more words. */
    static boolean topicMatches(String pattern, String routingKey) {
        return topicMatches(pattern.split("\\."), 0, routingKey.split("\\."), 0);
    }

    private static boolean topicMatches(String[] pattern, int p, String[] key, int k) {
        if (p == pattern.length) {
            return k == key.length;
        }
        if (pattern[p].equals("#")) {
            for (int rest = k; rest <= key.length; rest++) {
                if (topicMatches(pattern, p + 1, key, rest)) {
                    return true;
                }
            }
            return false;
        }
        return k < key.length && (pattern[p].equals("*") || pattern[p].equals(key[k]))
                && topicMatches(pattern, p + 1, key, k + 1);
    }

    @Test
    void topicPatternsMatchAsRabbitMqMatchesThem() {
        assertThat(topicMatches("membership.member.#", "membership.member.admitted.v1")).isTrue();
        assertThat(topicMatches("membership.#", "membership")).isTrue();
        assertThat(topicMatches("membership.*.admitted.v1", "membership.member.admitted.v1")).isTrue();
        assertThat(topicMatches("membership.*", "membership.member.admitted.v1")).isFalse();
        assertThat(topicMatches("membership.member.admitted.v1", "membership.member.admitted.v2")).isFalse();
    }

    @Test
    void declaresTheServicesBindings() throws IOException {
        Set<List<String>> declared = new HashSet<>();
        for (JsonNode binding : definitions().path("bindings").values()) {
            declared.add(List.of(binding.path("source").asString(), binding.path("destination").asString(),
                    binding.path("destination_type").asString(), binding.path("routing_key").asString()));
        }
        Set<List<String>> expected = new HashSet<>();
        CONSUMERS.forEach(topology -> topology.declarables().getDeclarablesByType(Binding.class).forEach(binding ->
                expected.add(List.of(binding.getExchange(), binding.getDestination(), "queue",
                        binding.getRoutingKey()))));

        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void setsTheSamePoliciesAsTheServices() throws IOException {
        Set<List<Object>> declared = new HashSet<>();
        for (JsonNode policy : definitions().path("policies").values()) {
            declared.add(List.of(policy.path("name").asString(), policy.path("pattern").asString(),
                    policy.path("apply-to").asString(), policy.path("priority").asInt(),
                    JSON.convertValue(policy.path("definition"), Map.class)));
        }
        Set<List<Object>> expected = new HashSet<>();
        CONSUMERS.forEach(topology -> topology.policies().forEach(policy -> expected.add(List.of(policy.name(),
                policy.pattern(), policy.applyTo(), policy.priority(), policy.definition()))));

        assertThat(declared).isEqualTo(expected);
    }

    private static JsonNode definitions() throws IOException {
        return JSON.readTree(Files.readString(DEFINITIONS));
    }
}
