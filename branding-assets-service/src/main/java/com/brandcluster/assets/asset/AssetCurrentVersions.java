package com.brandcluster.assets.asset;

import com.brandcluster.assets.download.CurrentVersions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/** The current versions of a cluster's published assets, for the download report. */
@Component
class AssetCurrentVersions implements CurrentVersions {

    private final MongoOperations mongo;

    AssetCurrentVersions(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Current> of(String clusterId) {
        Query query = Query.query(Criteria.where("clusterId").is(clusterId).and("currentVersion").ne(null));
        Map<String, Current> current = new HashMap<>();
        for (Asset asset : mongo.find(query, Asset.class)) {
            current.put(asset.id(), new Current(asset.details().title(), asset.current().orElseThrow().number()));
        }
        return current;
    }
}
