package com.brandcluster.localmongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LocalMongoIT {

    @TempDir
    Path folder;

    @Test
    void keepsWhatWasWrittenAcrossARestart() {
        Path file = folder.resolve("data").resolve("portal.mv");
        try (LocalMongo mongo = LocalMongo.start("127.0.0.1", 0, file);
             MongoClient client = MongoClients.create(mongo.uri())) {
            client.getDatabase("membership").getCollection("clusters")
                    .insertOne(new Document("_id", "lighting").append("name", "China Lighting Brand Cluster"));
        }

        try (LocalMongo mongo = LocalMongo.start("127.0.0.1", 0, file);
             MongoClient client = MongoClients.create(mongo.uri())) {
            Document cluster = client.getDatabase("membership").getCollection("clusters")
                    .find(new Document("_id", "lighting")).first();

            assertThat(cluster).isNotNull();
            assertThat(cluster.getString("name")).isEqualTo("China Lighting Brand Cluster");
        }
    }

    @Test
    void enforcesUniqueIndexesAsTheServicesExpect() {
        try (LocalMongo mongo = LocalMongo.start("127.0.0.1", 0, folder.resolve("unique.mv"));
             MongoClient client = MongoClients.create(mongo.uri())) {
            var collection = client.getDatabase("membership").getCollection("enterprises");
            collection.createIndex(new Document("creditCode", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            collection.insertOne(new Document("creditCode", "91350100M000100Y43"));

            org.assertj.core.api.Assertions.assertThatExceptionOfType(com.mongodb.MongoWriteException.class)
                    .isThrownBy(() -> collection.insertOne(new Document("creditCode", "91350100M000100Y43")));
            assertThat(collection.countDocuments()).isEqualTo(1);
        }
    }
}
