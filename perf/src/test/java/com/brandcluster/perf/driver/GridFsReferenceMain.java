package com.brandcluster.perf.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bson.types.ObjectId;

/**
 * The downloads scenario's reference: the simplest handler that serves files stored in GridFS, in a process of its
 * own ({@code java -cp ... GridFsReferenceMain <port> <mongodb-uri> <database> <bucket>}), so that its CPU time and
 * memory are apart from the load generator's as the portal's are. The JDK's HTTP server and the MongoDB driver, nothing
 * else: no security, no entitlement, no record of the download, no validators. The bytes go from the driver's GridFS
 * download stream straight to the socket, read in batches of {@value #CHUNKS_PER_BATCH} chunks as
 * branding-assets-service reads them (mongo-java-server would otherwise answer with every chunk of a file in one
 * reply).
 * <ul>
 * <li>{@code GET /files/<id>}: the file, or with {@code Range: bytes=first-last} (one range) that range, 206;</li>
 * <li>{@code GET /files/<id>,<id>,...}: the files one after the other, as one body.</li>
 * </ul>
 * Prints {@value #READY} once it listens; stops on SIGTERM.
 */
public final class GridFsReferenceMain {

    static final String READY = "GridFS reference listening";
    private static final int CHUNKS_PER_BATCH = 16;
    private static final String FILES = "/files/";

    private GridFsReferenceMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        MongoClient client = MongoClients.create(args[1]);
        GridFSBucket bucket = GridFSBuckets.create(client.getDatabase(args[2]), args[3]);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 64);
        http.createContext(FILES, exchange -> serve(bucket, exchange));
        http.setExecutor(Executors.newFixedThreadPool(32));
        http.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            client.close();
            stopped.countDown();
        }, "reference-shutdown"));
        System.out.println(READY + " on 127.0.0.1:" + args[0]);
        stopped.await();
    }

    private static void serve(GridFSBucket bucket, HttpExchange exchange) throws IOException {
        try (exchange) {
            List<GridFSFile> files = new ArrayList<>();
            for (String id : exchange.getRequestURI().getPath().substring(FILES.length()).split(",")) {
                GridFSFile file = bucket.find(Filters.eq("_id", new ObjectId(id))).first();
                if (file == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                files.add(file);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            String range = exchange.getRequestHeaders().getFirst("Range");
            if (range != null && files.size() == 1) {
                GridFSFile file = files.getFirst();
                String[] bounds = range.substring("bytes=".length()).split("-");
                long first = Long.parseLong(bounds[0]);
                long last = Math.min(Long.parseLong(bounds[1]), file.getLength() - 1);
                exchange.getResponseHeaders().set("Content-Range",
                        "bytes " + first + "-" + last + "/" + file.getLength());
                exchange.sendResponseHeaders(206, last - first + 1);
                copy(bucket, file, first, last - first + 1, exchange.getResponseBody());
                return;
            }
            exchange.sendResponseHeaders(200, files.stream().mapToLong(GridFSFile::getLength).sum());
            for (GridFSFile file : files) {
                copy(bucket, file, 0, file.getLength(), exchange.getResponseBody());
            }
        }
    }

    private static void copy(GridFSBucket bucket, GridFSFile file, long offset, long length, OutputStream out)
            throws IOException {
        try (InputStream in = bucket.openDownloadStream(file.getObjectId()).batchSize(CHUNKS_PER_BATCH)) {
            in.skipNBytes(offset);
            byte[] buffer = new byte[64 * 1024];
            long remaining = length;
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new IOException("File " + file.getObjectId() + " ended " + remaining + " bytes early");
                }
                out.write(buffer, 0, read);
                remaining -= read;
            }
        }
    }
}
