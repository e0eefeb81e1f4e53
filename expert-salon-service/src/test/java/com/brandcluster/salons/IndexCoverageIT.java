package com.brandcluster.salons;

import java.util.Map;

import com.brandcluster.testsupport.IndexCoverage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every query expert-salon-service made during this module's integration tests is served by an index it declares
 * (see {@link IndexCoverage}); runs last, after the tests whose queries it checks.
 */
@Order(Integer.MAX_VALUE)
class IndexCoverageIT {

    @Test
    void everyQueryTheServiceMadeHasAnIndex() {
        IndexCoverage.assertEveryQueryIndexed(100, Map.of(
                "experts from Experts.find", "the total of the unfiltered public list of experts counts every "
                        + "expert; its page is read through the name index"));
    }
}
