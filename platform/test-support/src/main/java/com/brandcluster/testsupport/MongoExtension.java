package com.brandcluster.testsupport;

import java.net.InetSocketAddress;
import java.util.UUID;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides MongoDB to a test class: the server named by {@code MONGODB_URI} when that is set, otherwise one in-process
 * {@code mongo-java-server} per JVM on a free port. Every test JVM gets its own database.
 * <p>
 * Before the Spring test context loads, it sets the system properties {@code spring.mongodb.uri} and
 * {@code spring.mongodb.database}. Before each test class
 * (not before {@code @Nested} classes) it deletes every document of every collection but keeps the collections and
 * their indexes, because a cached Spring context created those indexes when it started.
 * <p>
 * Register it before {@code SpringExtension}: put {@link PlatformInfrastructure @PlatformInfrastructure} (or
 * {@code @ExtendWith(MongoExtension.class)}) above {@code @SpringBootTest}.
 */
public final class MongoExtension implements BeforeAllCallback, TestInstancePreConstructCallback {

    /** Environment variable naming a real MongoDB to use instead of the in-process server. */
    public static final String MONGODB_URI_ENV = "MONGODB_URI";

    /** System property Spring Boot 4 reads the MongoDB connection string from. */
    public static final String SPRING_PROPERTY = "spring.mongodb.uri";

    /**
     * Also set, so that a {@code spring.mongodb.database} in a service's configuration cannot lead its tests out of
     * this JVM's database.
     */
    public static final String SPRING_DATABASE_PROPERTY = "spring.mongodb.database";

    private static final Logger log = LoggerFactory.getLogger(MongoExtension.class);

    private static volatile Holder holder;

    @Override
    public void beforeAll(ExtensionContext context) {
        setSystemProperties(start());
        if (!Support.isNested(context.getRequiredTestClass())) {
            clean();
        }
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        // With @TestInstance(PER_CLASS) the instance (and the Spring context) comes before beforeAll.
        setSystemProperties(start());
    }

    private static void setSystemProperties(Holder h) {
        System.setProperty(SPRING_PROPERTY, h.uri);
        System.setProperty(SPRING_DATABASE_PROPERTY, h.databaseName);
    }

    /** The connection string including this JVM's database name. Starts the server if needed. */
    public static String uri() {
        return start().uri;
    }

    /** This JVM's database name. */
    public static String databaseName() {
        return start().databaseName;
    }

    /** A client for tests to inspect or prepare data; shared, do not close it. */
    public static MongoClient client() {
        return start().client;
    }

    /** This JVM's database. */
    public static MongoDatabase database() {
        return client().getDatabase(databaseName());
    }

    /** Whether the in-process mongo-java-server is used (as opposed to a real MongoDB from {@code MONGODB_URI}). */
    public static boolean embedded() {
        return start().server != null;
    }

    /** Deletes every document of every collection of this JVM's database; collections and indexes stay. */
    public static void clean() {
        MongoDatabase db = database();
        for (String name : db.listCollectionNames()) {
            if (!name.startsWith("system.")) {
                db.getCollection(name).deleteMany(new Document());
            }
        }
    }

    private static Holder start() {
        Holder h = holder;
        if (h == null) {
            synchronized (MongoExtension.class) {
                h = holder;
                if (h == null) {
                    h = create();
                    holder = h;
                }
            }
        }
        return h;
    }

    private static Holder create() {
        String databaseName = "bc-test-" + UUID.randomUUID().toString().substring(0, 8);
        String external = System.getenv(MONGODB_URI_ENV);
        MongoServer server = null;
        String uri;
        if (external != null && !external.isBlank()) {
            uri = withDatabase(external.trim(), databaseName);
            log.info("Tests use the MongoDB from {} (database {})", MONGODB_URI_ENV, databaseName);
        }
        else {
            server = new MongoServer(new SnapshotMemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            uri = "mongodb://127.0.0.1:" + address.getPort() + "/" + databaseName;
            log.info("Tests use an in-process mongo-java-server on port {}", address.getPort());
        }
        MongoClient client = MongoClients.create(uri);
        Holder h = new Holder(uri, databaseName, client, server);
        Runtime.getRuntime().addShutdownHook(new Thread(h::stop, "mongo-extension-shutdown"));
        return h;
    }

    /**
     * Replaces (or adds) the database path of a MongoDB connection string, keeping hosts and options. When the
     * string has credentials and no {@code authSource}, the database they authenticate against stays what it was.
     */
    static String withDatabase(String uri, String databaseName) {
        ConnectionString parsed = new ConnectionString(uri); // fails early on a malformed MONGODB_URI
        int schemeEnd = uri.indexOf("://") + 3;
        int query = uri.indexOf('?', schemeEnd);
        String beforeQuery = query < 0 ? uri : uri.substring(0, query);
        String options = query < 0 ? "" : uri.substring(query + 1);
        int slash = beforeQuery.indexOf('/', schemeEnd);
        String hosts = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        if (parsed.getCredential() != null && !options.toLowerCase(java.util.Locale.ROOT).contains("authsource=")) {
            String authDatabase = parsed.getDatabase() != null ? parsed.getDatabase() : "admin";
            options = options.isEmpty() ? "authSource=" + authDatabase : options + "&authSource=" + authDatabase;
        }
        return hosts + "/" + databaseName + (options.isEmpty() ? "" : "?" + options);
    }

    private record Holder(String uri, String databaseName, MongoClient client, MongoServer server) {

        void stop() {
            try {
                if (server == null) {
                    client.getDatabase(databaseName).drop();
                }
                client.close();
            }
            catch (RuntimeException ex) {
                log.debug("Could not clean up MongoDB at shutdown", ex);
            }
            finally {
                if (server != null) {
                    server.shutdownNow();
                }
            }
        }
    }
}
