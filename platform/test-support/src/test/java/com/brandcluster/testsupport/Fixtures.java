package com.brandcluster.testsupport;

import java.util.stream.Collectors;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs fixture test classes (static nested classes the build does not run by itself) through the JUnit engine. */
final class Fixtures {

    private Fixtures() {
    }

    /** Runs the class and asserts that {@code tests} tests ran and all of them passed. */
    static void runAndExpectSuccess(Class<?> fixture, int tests) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute();
        String failures = results.allEvents().failed().stream()
                .map(Fixtures::describe)
                .collect(Collectors.joining("\n"));
        assertThat(failures).as("failures of %s", fixture.getSimpleName()).isEmpty();
        assertThat(results.testEvents().succeeded().count()).as("passed tests of %s", fixture.getSimpleName())
                .isEqualTo(tests);
    }

    private static String describe(Event event) {
        return event.getTestDescriptor().getDisplayName() + ": " + event.getPayload()
                .map(Object::toString).orElse("");
    }
}
