package com.brandcluster.assets.asset;

import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.assets.storage.TestFiles;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Many versions uploaded to one asset at once: each gets its own number, none is lost, no file is orphaned. */
class VersionConcurrencyIT extends AssetsIntegrationTest {

    private static final int UPLOADS = 16;

    @Test
    void parallelUploadsTakeConsecutiveNumbersAndKeepEveryFile() throws Exception {
        String cluster = cluster();
        String secretariat = secretariatOf(cluster);
        String assetId = draft(cluster, Map.of());
        Stored before = stored();

        List<Callable<ApiClient.Response>> uploads = IntStream.range(0, UPLOADS)
                .<Callable<ApiClient.Response>>mapToObj(i -> () -> addVersion(secretariat, assetId,
                        TestFiles.png(2000 + i), "mark-" + i + ".png"))
                .toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(UPLOADS)) {
            for (Future<ApiClient.Response> upload : pool.invokeAll(uploads)) {
                assertThat(upload.get().status()).as(upload.get().toString()).isEqualTo(201);
            }
        }

        ApiClient.Response asset = api.as(secretariat).get(assetPath(assetId));
        assertThat(asset.json().get("versions").findValuesAsString("number"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, UPLOADS + 1).mapToObj(Integer::toString).toList());
        assertThat(asset.json().get("versions").findValuesAsString("size")).doesNotHaveDuplicates();
        assertThat(stored().files()).isEqualTo(before.files() + UPLOADS);
        assertThat(stored().assets()).isEqualTo(before.assets());
    }
}
