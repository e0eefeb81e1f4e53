package com.brandcluster.assets;

import java.util.Map;

import com.brandcluster.testsupport.IndexCoverage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every query branding-assets-service made during this module's integration tests is served by an index it declares
 * (see {@link IndexCoverage}); runs last, after the tests whose queries it checks.
 */
@Order(Integer.MAX_VALUE)
class IndexCoverageIT {

    @Test
    void everyQueryTheServiceMadeHasAnIndex() {
        IndexCoverage.assertEveryQueryIndexed(60, Map.of(
                "asset_files.files from FileStore.store", "the MongoDB driver's look, before an instance's first "
                        + "upload, at whether the bucket is empty (to create GridFS's own indexes): one document at "
                        + "most"));
    }
}
