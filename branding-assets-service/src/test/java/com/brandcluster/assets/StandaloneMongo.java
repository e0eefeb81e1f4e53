package com.brandcluster.assets;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-memory mongo-java-server as a process of its own, for a test that needs MongoDB outside both the test JVM and
 * the service: it prints its port and serves until its standard input closes.
 */
public final class StandaloneMongo {

    private StandaloneMongo() {
    }

    public static void main(String[] args) throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        System.out.println("port " + server.getLocalAddress().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the test closes our standard input (or ends)
        }
        server.shutdownNow();
    }
}
