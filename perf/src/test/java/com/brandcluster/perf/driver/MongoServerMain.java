package com.brandcluster.perf.driver;

import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * mongo-java-server (in memory) in a process of its own, so that its heap and CPU time are apart from the portal's:
 * {@code java -cp ... MongoServerMain <port>}. Prints {@value #READY} once it listens; stops on SIGTERM.
 */
public final class MongoServerMain {

    static final String READY = "mongo-java-server listening";

    private MongoServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", Integer.parseInt(args[0]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }, "mongo-shutdown"));
        System.out.println(READY + " on 127.0.0.1:" + args[0]);
        stopped.await();
    }
}
