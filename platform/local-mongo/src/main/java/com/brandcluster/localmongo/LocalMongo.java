package com.brandcluster.localmongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A wire-compatible MongoDB for the local portal when no MongoDB server is around: mongo-java-server with its
 * file-backed H2 backend, so data survives restarts. It runs in its own process (its heap grows with what it stores)
 * and closes its file cleanly on SIGTERM or Ctrl-C.
 *
 * <pre>java -jar local-mongo.jar --port 27017 --file .portal/mongo/portal.mv</pre>
 */
public final class LocalMongo implements AutoCloseable {

    private final MongoServer server;
    private final H2Backend backend;
    private final InetSocketAddress address;

    private LocalMongo(MongoServer server, H2Backend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.address = address;
    }

    /** Starts a server on {@code host:port} (port 0: a free one) keeping its data in {@code file}. */
    public static LocalMongo start(String host, int port, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for " + file, e);
        }
        H2Backend backend = new H2Backend(file.toAbsolutePath().toString());
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        return new LocalMongo(server, backend, server.getLocalAddress());
    }

    public int port() {
        return address.getPort();
    }

    public String uri() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }

    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 27017;
        Path file = Path.of(".portal", "mongo", "portal.mv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--file" -> file = Path.of(args[++i]);
                default -> {
                    System.err.println("Usage: java -jar local-mongo.jar [--host 127.0.0.1] [--port 27017] [--file path]");
                    System.exit(2);
                }
            }
        }
        LocalMongo mongo;
        try {
            mongo = start(host, port, file);
        } catch (RuntimeException e) {
            System.err.println("Local MongoDB could not start on " + host + ":" + port + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            stopped.countDown();
        }, "local-mongo-shutdown"));
        System.out.println("Local MongoDB (mongo-java-server, H2 file " + file + ") listening on " + mongo.uri());
        stopped.await();
    }
}
