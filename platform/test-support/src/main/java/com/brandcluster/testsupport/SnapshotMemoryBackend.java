package com.brandcluster.testsupport;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's memory backend, with one difference that matters for concurrency tests: a query answers with
 * copies of the stored documents, taken while the collection is locked. The plain backend answers with the stored
 * documents themselves and encodes them after the lock is released, while an update changes them in place; a reader
 * could then see half of a concurrent update (a new {@code @Version} next to the old contents), save on top of it and
 * lose the update. MongoDB never shows a document half-updated, so the tests must not either.
 */
final class SnapshotMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new SnapshotDatabase(databaseName, getCursorRegistry());
    }

    private static final class SnapshotDatabase extends MemoryDatabase {

        private final CursorRegistry cursors;

        SnapshotDatabase(String databaseName, CursorRegistry cursors) {
            super(databaseName, cursors);
            this.cursors = cursors;
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new SnapshotCollection(this, collectionName, options, cursors);
        }
    }

    private static final class SnapshotCollection extends MemoryCollection {

        /** Set while findAndModify runs: it queries through {@link #handleQuery} and changes what it finds in place. */
        private final ThreadLocal<Boolean> modifying = ThreadLocal.withInitial(() -> false);

        SnapshotCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                           CursorRegistry cursors) {
            super(database, collectionName, options, cursors);
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            modifying.set(true);
            try {
                return super.findAndModify(query);
            }
            finally {
                modifying.set(false);
            }
        }

        @Override
        public synchronized QueryResult handleQuery(QueryParameters parameters) {
            QueryResult result = super.handleQuery(parameters);
            if (modifying.get()) {
                return result;
            }
            List<Document> copies = new ArrayList<>();
            for (Document document : result) {
                copies.add(document.cloneDeeply());
            }
            return new QueryResult(copies, result.getCursorId());
        }
    }
}
