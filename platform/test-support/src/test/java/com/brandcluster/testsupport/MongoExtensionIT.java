package com.brandcluster.testsupport;

import java.util.List;

import com.mongodb.client.MongoCollection;
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
