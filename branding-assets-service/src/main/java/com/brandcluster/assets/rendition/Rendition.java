package com.brandcluster.assets.rendition;

import com.brandcluster.assets.storage.StoredFile;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A stored rendition. Its id is the key of the cache entry, the source file and the size ({@link #key}): a version's
 * file never changes, so the file id stands for the asset version, and as the document id the key is unique, which
 * keeps concurrent first requests from storing two renditions of the same thing.
 *
 * @param sourceFileId the GridFS file of the asset version it was made from
 * @param file         the PNG in GridFS
 */
@Document("renditions")
record Rendition(@Id String id, String sourceFileId, int size, StoredFile file, Instant createdAt) {

    static String key(String sourceFileId, int size) {
        return sourceFileId + ":" + size;
    }
}
