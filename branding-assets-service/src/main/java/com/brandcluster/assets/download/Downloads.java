package com.brandcluster.assets.download;

import com.brandcluster.platform.security.Caller;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of who downloaded which asset version. The callers decide what counts as a download (a response that
 * starts at the first byte: not a 304, not a range that continues an earlier download) and record it once, before the
 * bytes go out, so a download that breaks and is resumed counts once.
 */
@Component
public class Downloads {

    /**
     * How many enterprises a version-published event names at most: enough for any cluster's membership (clusters
     * have hundreds of members), small enough to keep the event and its outbox entry well inside a document.
     */
    public static final int MAX_ENTERPRISES_NOTIFIED = 1000;

    private final MongoOperations mongo;
    private final Clock clock;

    Downloads(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** What was downloaded: one asset version. */
    public record Downloaded(String clusterId, String assetId, int version) {
    }

    public void record(Downloaded downloaded, Caller caller, DownloadChannel channel) {
        record(List.of(downloaded), caller, channel);
    }

    /** Records the versions as downloaded now by the caller, in one write. */
    public void record(List<Downloaded> downloaded, Caller caller, DownloadChannel channel) {
        if (downloaded.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String enterprise = caller.enterprise().orElse(null);
        List<DownloadRecord> records = new ArrayList<>();
        for (Downloaded d : downloaded) {
            records.add(new DownloadRecord(new ObjectId().toHexString(), d.clusterId(), d.assetId(), d.version(),
                    enterprise, caller.subject(), now, channel));
        }
        mongo.insert(records, DownloadRecord.class);
    }

    /**
     * The enterprises that downloaded a version of the asset older than {@code version}, at most
     * {@link #MAX_ENTERPRISES_NOTIFIED}, in order of their ids.
     */
    public List<String> enterprisesWithOlderVersion(String assetId, int version) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("assetId").is(assetId).and("version").lt(version)
                        .and("enterpriseId").ne(null)),
                Aggregation.group("enterpriseId"),
                Aggregation.sort(Sort.by("_id")),
                Aggregation.limit(MAX_ENTERPRISES_NOTIFIED));
        return mongo.aggregate(aggregation, DownloadRecord.COLLECTION, Document.class).getMappedResults()
                .stream().map(group -> group.getString("_id")).toList();
    }
}
