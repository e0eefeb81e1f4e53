package com.brandcluster.assets.asset;

import com.brandcluster.assets.storage.FileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The compensation of pattern 4 for uploads: a file is stored in GridFS before the asset document that refers to it
 * is written, and a failed write removes the file again; only a crash between the two leaves a file that no version
 * refers to. This job removes such files once they are older than any upload still in progress can be. Running it on
 * several instances at once is harmless: each removal is idempotent.
 */
@Component
class OrphanFiles {

    private static final Logger log = LoggerFactory.getLogger(OrphanFiles.class);
    /** Far longer than storing a file and writing its asset takes, retries included. */
    static final Duration GRACE = Duration.ofHours(1);

    private final FileStore files;
    private final MongoOperations mongo;
    private final Clock clock;

    OrphanFiles(FileStore files, MongoOperations mongo, Clock clock) {
        this.files = files;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${brandcluster.assets.orphan-sweep-interval:PT1H}",
            initialDelayString = "${brandcluster.assets.orphan-sweep-interval:PT1H}")
    void sweep() {
        removeStoredBefore(clock.instant().minus(GRACE));
    }

    /** Removes the version uploads stored before {@code instant} that no asset version refers to; how many. */
    int removeStoredBefore(Instant instant) {
        int removed = 0;
        for (String fileId : files.versionUploadsBefore(instant)) {
            if (!mongo.exists(Query.query(Criteria.where("versions.file.fileId").is(fileId)), Asset.class)) {
                files.delete(fileId);
                removed++;
            }
        }
        if (removed > 0) {
            log.info("Removed {} uploaded files that no asset version refers to", removed);
        }
        return removed;
    }
}
