package com.brandcluster.assets.asset;

import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.assets.storage.FileStore;
import com.brandcluster.assets.storage.TestFiles;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file left in GridFS by a crash between storing an upload and writing its asset is removed by the sweep; the files
 * of asset versions, and files of other purposes in the bucket, stay.
 */
class OrphanFilesIT extends AssetsIntegrationTest {

    @Autowired
    private OrphanFiles orphanFiles;

    @Autowired
    private MongoDatabaseFactory mongoFactory;

    @Test
    void removesUploadsNoVersionRefersToAndKeepsEveryOtherFile() {
        String cluster = cluster();
        String assetId = published(cluster, Map.of());
        GridFSBucket bucket = GridFSBuckets.create(mongoFactory.getMongoDatabase(), FileStore.BUCKET);
        ObjectId orphan = bucket.uploadFromStream("left-behind.png", new ByteArrayInputStream(TestFiles.png(10)),
                new GridFSUploadOptions().metadata(new Document(FileStore.PURPOSE, FileStore.ASSET_VERSION)));
        ObjectId otherPurpose = bucket.uploadFromStream("rendition.png", new ByteArrayInputStream(TestFiles.png(10)),
                new GridFSUploadOptions().metadata(new Document(FileStore.PURPOSE, "rendition")));

        assertThat(orphanFiles.removeStoredBefore(Instant.now().minus(OrphanFiles.GRACE))).isZero();
        assertThat(orphanFiles.removeStoredBefore(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(1);

        assertThat(bucket.find(new Document("_id", orphan)).first()).isNull();
        assertThat(bucket.find(new Document("_id", otherPurpose)).first()).isNotNull();
        HttpResponse<byte[]> content = http.download(secretariatOf(cluster), assetPath(assetId) + "/content",
                Map.of());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(TestFiles.png(1000));
    }
}
