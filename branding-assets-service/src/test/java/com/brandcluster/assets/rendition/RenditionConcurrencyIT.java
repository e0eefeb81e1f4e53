package com.brandcluster.assets.rendition;

import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.assets.storage.FileStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RenditionConcurrencyIT extends AssetsIntegrationTest {

    private static final int REQUESTS = 12;

    @Autowired
    private MeterRegistry meters;

    @Test
    void parallelFirstRequestsStoreOneRenditionAndAllGetIt() throws Exception {
        String cluster = cluster();
        String member = memberUser(cluster, MEMBER_TIER);
        String name = "mark-" + UUID.randomUUID();
        String logo = published(cluster, Map.of(), RenditionImages.png(1600, 800), name + ".png");
        String path = assetPath(logo) + "/renditions/1024";

        List<Callable<HttpResponse<byte[]>>> requests = IntStream.range(0, REQUESTS)
                .<Callable<HttpResponse<byte[]>>>mapToObj(i -> () -> http.download(member, path, Map.of()))
                .toList();
        List<byte[]> bodies;
        try (ExecutorService pool = Executors.newFixedThreadPool(REQUESTS)) {
            bodies = pool.invokeAll(requests).stream().map(RenditionConcurrencyIT::ok).toList();
        }

        assertThat(bodies).allSatisfy(body -> assertThat(body).isEqualTo(bodies.getFirst()));
        assertThat(RenditionImages.decode(bodies.getFirst()).getWidth()).isEqualTo(1024);
        // every loser of the race removed its own file: one entry, one file
        assertThat(mongo.getCollection("renditions").countDocuments(new Document("file.filename",
                name + "-1024.png"))).isEqualTo(1);
        assertThat(mongo.getCollection(FileStore.BUCKET + ".files").countDocuments(new Document("filename",
                name + "-1024.png"))).isEqualTo(1);

        double generated = meters.counter("assets.renditions.generated").count();
        assertThat(http.download(member, path, Map.of()).body()).isEqualTo(bodies.getFirst());
        assertThat(meters.counter("assets.renditions.generated").count()).isEqualTo(generated);
    }

    private static byte[] ok(Future<HttpResponse<byte[]>> request) {
        try {
            HttpResponse<byte[]> response = request.get();
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
