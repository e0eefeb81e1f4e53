package com.brandcluster.events;

import java.util.Map;

import com.brandcluster.testsupport.IndexCoverage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every query events-service made during this module's integration tests is served by an index it declares
 * (see {@link IndexCoverage}); runs last, after the tests whose queries it checks.
 */
@Order(Integer.MAX_VALUE)
class IndexCoverageIT {

    @Test
    void everyQueryTheServiceMadeHasAnIndex() {
        IndexCoverage.assertEveryQueryIndexed(100, Map.of());
    }
}
