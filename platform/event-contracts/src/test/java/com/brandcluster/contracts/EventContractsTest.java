package com.brandcluster.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EventContractsTest {

    private static final Pattern ROUTING_KEY = Pattern.compile("[a-z]+\\.[a-z-]+\\.[a-z-]+\\.v[1-9][0-9]*");

    private final JsonMapper strict = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    static Set<String> routingKeys() {
        return EventCatalog.routingKeys();
    }

    @ParameterizedTest
    @MethodSource("routingKeys")
    void fixtureRoundTripsThroughItsRecordWithoutLosingOrAddingAField(String routingKey) {
        Class<? extends DomainEvent> type = EventCatalog.forRoutingKey(routingKey).orElseThrow().type();
        JsonNode fixture = strict.readTree(EventFixtures.json(routingKey));

        DomainEvent event = strict.treeToValue(fixture, type);
        JsonNode written = strict.readTree(strict.writeValueAsString(event));

        assertThat(written).isEqualTo(fixture);
    }

    @ParameterizedTest
    @MethodSource("routingKeys")
    void fixtureFillsEveryFieldOfItsRecord(String routingKey) {
        Class<? extends DomainEvent> type = EventCatalog.forRoutingKey(routingKey).orElseThrow().type();
        JsonNode fixture = strict.readTree(EventFixtures.json(routingKey));

        Set<String> components = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());

        assertThat(fixture.propertyNames()).containsExactlyInAnyOrderElementsOf(components);
        components.forEach(name -> assertThat(fixture.get(name).isNull()).as(name).isFalse());
    }

    @ParameterizedTest
    @MethodSource("routingKeys")
    void routingKeyIsExplicitVersionedAndMatchesTheRecordConstant(String routingKey) throws Exception {
        Class<? extends DomainEvent> type = EventCatalog.forRoutingKey(routingKey).orElseThrow().type();

        assertThat(routingKey).matches(ROUTING_KEY);
        assertThat(type.getField("ROUTING_KEY").get(null)).isEqualTo(routingKey);
        assertThat(EventCatalog.of(type).routingKey()).isEqualTo(routingKey);
    }

    @Test
    void consumersReadTolerantlyIgnoringFieldsAddedLater() {

        var event = EventFixtures.event(com.brandcluster.contracts.membership.MemberAdmitted.class,
                java.util.Map.of("addedInALaterRelease", "ignored"));

        assertThat(event.memberNumber()).isEqualTo("LIGHT-2026-0042");
        assertThat(event.version()).isEqualTo(1);
    }

    @Test
    void unknownRoutingKeyIsNotInTheCatalog() {
        assertThat(EventCatalog.forRoutingKey("membership.member.admitted.v9")).isEmpty();
    }
}
