package com.brandcluster.testsupport;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MongoExtension.class)
class MongoExtensionIT {

    @Test
    void setsTheSpringPropertyToThisJvmsDatabase() {
        assertThat(System.getProperty("spring.mongodb.uri")).isEqualTo(MongoExtension.uri())
                .endsWith("/" + MongoExtension.databaseName());
        assertThat(System.getProperty("spring.mongodb.database")).isEqualTo(MongoExtension.databaseName());
        assertThat(MongoExtension.databaseName()).startsWith("bc-test-");
        assertThat(MongoExtension.embedded()).isEqualTo(System.getenv("MONGODB_URI") == null);

        MongoExtension.database().getCollection("pings").insertOne(new Document("_id", "p1"));
        assertThat(MongoExtension.client().getDatabase(MongoExtension.databaseName()).getCollection("pings")
                .countDocuments()).isEqualTo(1);
    }

    @Test
    void deletesDocumentsButKeepsCollectionsAndIndexesBeforeEachTestClass() {
        Fixtures.runAndExpectSuccess(WritesDocuments.class, 1);
        Fixtures.runAndExpectSuccess(FindsEmptyCollectionsWithTheirIndexes.class, 1);
    }

    @Test
    void keepsTheOuterClassesDataForNestedClasses() {
        Fixtures.runAndExpectSuccess(OuterWithNested.class, 2);
    }

    @Test
    void countsTheFinishedCommandsThatMayWriteAndNoRead() {
        MongoCollection<Document> counted = MongoExtension.database().getCollection("counted");
        counted.insertOne(new Document("_id", "c1").append("n", 1));
        if (!MongoExtension.embedded()) {
            assertThat(MongoExtension.writesFinished()).isEmpty();
            return;
        }
        long before = MongoExtension.writesFinished().orElseThrow();

        counted.find().into(new ArrayList<>());
        assertThat(counted.countDocuments()).isEqualTo(1);
        counted.aggregate(List.of(Aggregates.match(Filters.eq("n", 1)))).into(new ArrayList<>());
        MongoExtension.database().listCollectionNames().into(new ArrayList<>());
        counted.listIndexes().into(new ArrayList<>());
        assertThat(MongoExtension.writesFinished()).hasValue(before);

        counted.updateOne(Filters.eq("_id", "c1"), Updates.inc("n", 1));
        assertThat(MongoExtension.writesFinished()).hasValue(before + 1);
        counted.aggregate(List.of(Aggregates.out("counted_copy"))).toCollection();
        assertThat(MongoExtension.writesFinished()).hasValue(before + 2);
        counted.updateOne(Filters.eq("_id", "nobody"), Updates.inc("n", 1));
        counted.deleteMany(new Document());
        assertThat(MongoExtension.writesFinished()).hasValue(before + 4);
    }

    @ExtendWith(MongoExtension.class)
    static class WritesDocuments {

        @Test
        void writes() {
            MongoCollection<Document> things = MongoExtension.database().getCollection("things");
            things.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).name("code_unique"));
            things.insertMany(List.of(new Document("code", "a"), new Document("code", "b")));
            assertThat(things.countDocuments()).isEqualTo(2);
        }
    }

    @ExtendWith(MongoExtension.class)
    static class FindsEmptyCollectionsWithTheirIndexes {

        @Test
        void findsThemEmpty() {
            MongoCollection<Document> things = MongoExtension.database().getCollection("things");
            assertThat(MongoExtension.database().listCollectionNames()).contains("things");
            assertThat(things.countDocuments()).isZero();
            assertThat(things.listIndexes().map(index -> index.getString("name"))).contains("code_unique");
        }
    }

    @ExtendWith(MongoExtension.class)
    static class OuterWithNested {

        @BeforeAll
        static void seed() {
            MongoExtension.database().getCollection("seeded").insertOne(new Document("_id", "s1"));
        }

        @Test
        void outerSeesTheSeed() {
            assertThat(MongoExtension.database().getCollection("seeded").countDocuments()).isEqualTo(1);
        }

        @Nested
        class Inner {

            @Test
            void nestedSeesTheSeedToo() {
                assertThat(MongoExtension.database().getCollection("seeded").countDocuments()).isEqualTo(1);
            }
        }
    }
}
