package com.brandcluster.assets.storage;

import java.time.Instant;

/**
 * A file kept in GridFS, as its asset version records it.
 *
 * @param fileId      the GridFS file id (an ObjectId in hex)
 * @param filename    the name it is downloaded under: the uploaded name made safe, with the extension of its type
 * @param contentType detected from its bytes
 * @param size        in bytes
 * @param sha256      of its bytes, lower-case hex; also its ETag
 * @param storedAt    when it was stored; its Last-Modified
 * @param crc32       of its bytes, which a zip entry stored uncompressed needs ahead of the bytes; null for files
 *                    stored before it was recorded (computed from GridFS when first needed)
 */
public record StoredFile(String fileId, String filename, String contentType, long size, String sha256,
                         Instant storedAt, Long crc32) {

    public StoredFile withCrc32(long crc) {
        return new StoredFile(fileId, filename, contentType, size, sha256, storedAt, crc);
    }
}
