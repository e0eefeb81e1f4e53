package com.brandcluster.assets.storage;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * The asset files in GridFS (bucket {@value #BUCKET}). Files are written and read as streams in chunks, so neither an
 * upload nor a download ever holds a whole file in memory: the SHA-256, the CRC-32 and the size are computed while the
 * bytes pass into GridFS, and reads fetch a bounded batch of chunks at a time (mongo-java-server would otherwise
 * answer with every chunk of a large file in one reply).
 */
@Component
public class FileStore {

    public static final String BUCKET = "asset_files";
    /** The metadata that marks a file as the upload of an asset version (other files may share the bucket). */
    public static final String PURPOSE = "purpose";
    public static final String ASSET_VERSION = "asset-version";
    private static final int CHUNK_SIZE = 255 * 1024;
    private static final int CHUNKS_PER_BATCH = 16;
    private static final Logger log = LoggerFactory.getLogger(FileStore.class);

    private final GridFSBucket bucket;
    private final Clock clock;

    FileStore(MongoDatabaseFactory mongo, Clock clock) {
        MongoDatabase database = mongo.getMongoDatabase();
        this.bucket = GridFSBuckets.create(database, BUCKET);
        this.clock = clock;
        // the sweep of orphaned uploads looks for the asset version uploads older than a cutoff
        database.getCollection(BUCKET + ".files").createIndex(
                Indexes.ascending("metadata." + PURPOSE, "uploadDate"), new IndexOptions().name("purpose_upload_date"));
    }

    /**
     * Streams the file into GridFS, digesting it on the way. A failure part-way (the stream breaks, the file turns
     * out larger than {@code maxBytes}) removes what was written, so a refused upload leaves nothing behind.
     */
    StoredFile store(InputStream content, String filename, FileType type, long maxBytes) throws IOException {
        return store(content, filename, type, ASSET_VERSION, maxBytes);
    }

    /**
     * Stores a file this service made itself (not an upload), marked with its purpose so that the sweep of orphaned
     * version uploads leaves it alone.
     */
    public StoredFile storeDerived(InputStream content, String filename, FileType type, String purpose)
            throws IOException {
        return store(content, filename, type, purpose, Long.MAX_VALUE);
    }

    private StoredFile store(InputStream content, String filename, FileType type, String purpose, long maxBytes)
            throws IOException {
        MessageDigest sha256 = sha256();
        CRC32 crc = new CRC32();
        GridFSUploadStream upload = bucket.openUploadStream(filename, new GridFSUploadOptions()
                .chunkSizeBytes(CHUNK_SIZE).metadata(new Document("contentType", type.contentType()).append(PURPOSE, purpose)));
        long size = 0;
        try (InputStream in = new CheckedInputStream(new DigestInputStream(content, sha256), crc)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                size += read;
                if (size > maxBytes) {
                    throw UploadRefusedException.tooLarge(maxBytes);
                }
                upload.write(buffer, 0, read);
            }
            upload.close();
        } catch (IOException | RuntimeException failed) {
            upload.abort();
            throw failed;
        }
        return new StoredFile(upload.getObjectId().toHexString(), filename, type.contentType(), size,
                HexFormat.of().formatHex(sha256.digest()), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                crc.getValue());
    }

    /** The file's bytes from {@code offset} on; the caller closes the stream. */
    public InputStream open(String fileId, long offset) throws IOException {
        InputStream in = bucket.openDownloadStream(new ObjectId(fileId)).batchSize(CHUNKS_PER_BATCH);
        long remaining = offset;
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped <= 0) {
                in.close();
                throw new IOException("File " + fileId + " ends before offset " + offset);
            }
            remaining -= skipped;
        }
        return in;
    }

    /** The CRC-32 of a stored file, read through once: for files stored before their CRC-32 was recorded. */
    public long crc32(String fileId) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(open(fileId, 0), crc)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return crc.getValue();
    }

    /** The ids of the asset version uploads stored before {@code instant}, oldest first. */
    public List<String> versionUploadsBefore(Instant instant) {
        List<String> ids = new ArrayList<>();
        bucket.find(Filters.and(Filters.eq("metadata." + PURPOSE, ASSET_VERSION),
                        Filters.lt("uploadDate", Date.from(instant))))
                .sort(Sorts.ascending("uploadDate"))
                .forEach(file -> ids.add(file.getObjectId().toHexString()));
        return ids;
    }

    /** Removes a file that nothing refers to (any more); a file already gone is fine. */
    public void delete(String fileId) {
        try {
            bucket.delete(new ObjectId(fileId));
        } catch (MongoGridFSException alreadyGone) {
            log.debug("GridFS file {} was already gone", fileId);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
