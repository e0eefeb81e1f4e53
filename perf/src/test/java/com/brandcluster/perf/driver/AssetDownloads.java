package com.brandcluster.perf.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.brandcluster.testsupport.ApiClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.ObjectId;
import com.brandcluster.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the downloads scenario reads: branding-assets-service from its jar and the reference
 * ({@link GridFsReferenceMain}), each in its own process, both on the same MongoDB database and GridFS bucket; the
 * files of the cluster's brand kit, generated under {@code <dir>/downloads} (random bytes behind a PDF header, the
 * same bytes at every run), uploaded through the service's own API by the cluster's secretariat and published. The
 * first file is the asset of the single-file arms; all of them make the kit.
 * <p>
 * Before anything is measured the kit is downloaded once through the gateway and checked entry by entry against the
 * files on disk; its length and MD5 are then what every kit download must give.
 */
public final class AssetDownloads {

    /** The database of branding-assets-service, which the reference reads too. */
    static final String DATABASE = "assets";
    private static final String BUCKET = "asset_files";
    private static final int RANGES = 256;
    private static final long SEED = 20261121L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The sizes of a run: {@code -Dperf.assetMib} (the asset, and each of the kit's files), {@code -Dperf.kitFiles}
     * and {@code -Dperf.rangeMib} (the length of each ranged request).
     */
    public record Sizes(long fileBytes, int kitFiles, long rangeBytes) {

        public static Sizes fromSystemProperties() {
            return new Sizes(mib(System.getProperty("perf.assetMib", "2")), Integer.getInteger("perf.kitFiles", 3),
                    mib(System.getProperty("perf.rangeMib", "0.5")));
        }

        /** What MongoDB holds of them, and so the heap it needs beyond its own: twice the files, and 1 GB. */
        int mongoHeapMib() {
            return (int) (1024 + 2 * fileBytes * kitFiles / (1024 * 1024));
        }

        private static long mib(String value) {
            return (long) (Double.parseDouble(value) * 1024 * 1024);
        }
    }

    /**
     * One download the scenario compares: a path (on the service, the gateway or the reference), the bytes every
     * answer must hold, and the MD5 of the whole answer.
     */
    public record Download(String path, long bytes, String md5) {
    }

    private final Sizes sizes;
    private final Path files;
    private final PortalProcess service;
    private final PortalProcess reference;
    private final String secretariat;
    private final String mongoUri;
    private final List<Path> kitFiles = new ArrayList<>();
    private final List<String> fileIds = new ArrayList<>();
    private Download asset;
    private Download kit;
    private Download concatenated;
    private String verifiedRange;
    private String verifiedRangeMd5;
    private List<String> ranges;

    private AssetDownloads(Sizes sizes, Path dir, Map<String, String> environment, PortalProcess mongo) {
        this.sizes = sizes;
        this.files = dir.resolve("downloads");
        this.service = PortalProcess.service("branding-assets-service",
                DirectoryPortal.jar("branding-assets-service"), null, environment, dir);
        this.mongoUri = "mongodb://127.0.0.1:" + mongo.port();
        this.reference = PortalProcess.main("gridfs-reference", GridFsReferenceMain.class,
                PortalProcess.SERVICE_JVM, List.of(mongoUri, DATABASE, BUCKET), dir);
        this.secretariat = TestTokens.user("bench-secretariat").roles("secretariat")
                .secretariatOf(DirectoryPortal.CLUSTER).expiresIn(DirectoryPortal.TOKEN_LIFETIME).issue();
    }

    /** Starts branding-assets-service and the reference, without waiting for them. */
    static AssetDownloads start(Sizes sizes, Path dir, Map<String, String> environment, PortalProcess mongo) {
        return new AssetDownloads(sizes, dir, environment, mongo);
    }

    /** Waits until the reference listens (the service is awaited with the portal's other services). */
    void awaitReference(Duration timeout) {
        reference.awaitLog(GridFsReferenceMain.READY, timeout);
    }

    /**
     * Writes the files (unless they are there from an earlier run), uploads and publishes them, and checks the kit
     * as the gateway at {@code gatewayUrl} serves it.
     */
    void prepare(String gatewayUrl) {
        try {
            Files.createDirectories(files);
            List<String> assetIds = new ArrayList<>();
            for (int i = 1; i <= sizes.kitFiles(); i++) {
                Path file = files.resolve(String.format("brand-guideline-%02d.pdf", i));
                write(file, sizes.fileBytes(), SEED + i);
                kitFiles.add(file);
                assetIds.add(upload(file, String.format("Brand guideline %02d", i)));
            }
            Path first = kitFiles.getFirst();
            asset = new Download("/api/assets/assets/" + assetIds.getFirst() + "/content", sizes.fileBytes(),
                    md5(List.of(first)));
            verifyKit(gatewayUrl, assetIds);
            concatenated = new Download("/files/" + String.join(",", fileIds),
                    sizes.fileBytes() * sizes.kitFiles(), md5(kitFiles));
            ranges = new ArrayList<>();
            Random random = new Random(SEED);
            long span = sizes.fileBytes() - sizes.rangeBytes();
            for (int i = 0; i < RANGES; i++) {
                long offset = (long) (random.nextDouble() * span);
                ranges.add(range(offset));
            }
            long middle = span / 2;
            verifiedRange = range(middle);
            verifiedRangeMd5 = md5(first, middle, sizes.rangeBytes());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not prepare the downloads", ex);
        }
    }

    public PortalProcess service() {
        return service;
    }

    public PortalProcess reference() {
        return reference;
    }

    List<PortalProcess> processes() {
        return List.of(service, reference);
    }

    /** The bearer token of the cluster's secretariat, who uploaded the files and downloads them. */
    public String secretariatToken() {
        return secretariat;
    }

    public Sizes sizes() {
        return sizes;
    }

    /** The asset's current version, from branding-assets-service (or through the gateway). */
    public Download asset() {
        return asset;
    }

    /** The asset's file, from the reference. */
    public Download referenceAsset() {
        return new Download("/files/" + fileIds.getFirst(), asset.bytes(), asset.md5());
    }

    /** The cluster's brand kit, a zip, from branding-assets-service (or through the gateway). */
    public Download kit() {
        return kit;
    }

    /** The kit's files one after the other in the kit's order, from the reference: the kit without its zip headers. */
    public Download referenceKit() {
        return concatenated;
    }

    /** {@code Range} headers of {@link Sizes#rangeBytes()} each at random offsets of the asset, the same every run. */
    public List<String> ranges() {
        return ranges;
    }

    /** A range in the middle of the asset, and the MD5 of its bytes. */
    public String verifiedRange() {
        return verifiedRange;
    }

    public String verifiedRangeMd5() {
        return verifiedRangeMd5;
    }

    private String range(long offset) {
        return "bytes=" + offset + "-" + (offset + sizes.rangeBytes() - 1);
    }

    /** Uploads a file as a new asset (version 1), as the secretariat, and publishes it; the asset's id. */
    private String upload(Path file, String title) throws IOException {
        String boundary = "perf-" + UUID.randomUUID();
        String metadata = JSON.writeValueAsString(Map.of("kind", "GUIDELINE", "title", title,
                "accessLevel", "MEMBERS"));
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName() + "\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/assets/clusters/"
                        + DirectoryPortal.CLUSTER + "/assets"))
                .header("Authorization", "Bearer " + secretariat)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> created = send(request, HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Upload of " + file + ": " + created.statusCode() + " " + created.body());
        }
        JsonNode asset = JSON.readTree(created.body());
        String id = asset.get("id").asString();
        ApiClient.Response published = new ApiClient(service.baseUrl()).as(secretariat)
                .post("/api/assets/assets/" + id + "/versions/1/publication", null);
        if (published.status() != 200) {
            throw new IllegalStateException("Publication of " + id + ": " + published);
        }
        return id;
    }

    /**
     * Downloads the kit through the gateway once and checks it: every entry after the manifest holds the bytes of the
     * file on disk, in order, and the answer is as long as it says. Keeps the kit's length and MD5, and the GridFS ids
     * of its files in its order (from the manifest), for the reference.
     */
    private void verifyKit(String gatewayUrl, List<String> assetIds) throws IOException {
        String path = "/api/assets/clusters/" + DirectoryPortal.CLUSTER + "/kit.zip";
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("Authorization", "Bearer " + secretariat).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The kit answered " + response.statusCode());
        }
        long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        MessageDigest whole = digest();
        CountingInputStream counted = new CountingInputStream(response.body());
        try (DigestInputStream in = new DigestInputStream(counted, whole)) {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry manifest = zip.getNextEntry();
            if (manifest == null || !"manifest.json".equals(manifest.getName())) {
                throw new IllegalStateException("The kit does not start with its manifest");
            }
            JsonNode items = JSON.readTree(zip.readAllBytes()).get("assets");
            for (int i = 0; i < kitFiles.size(); i++) {
                ZipEntry entry = zip.getNextEntry();
                String assetId = items.get(i).get("assetId").asString();
                if (entry == null || !assetId.equals(assetIds.get(i))) {
                    throw new IllegalStateException("The kit's entry " + i + " is not asset " + assetIds.get(i));
                }
                MessageDigest bytes = digest();
                zip.transferTo(new DigestOutput(bytes));
                String expected = md5(List.of(kitFiles.get(i)));
                if (!HexFormat.of().formatHex(bytes.digest()).equals(expected)) {
                    throw new IllegalStateException("The kit's entry " + entry.getName()
                            + " does not hold the bytes of " + kitFiles.get(i));
                }
                fileIds.add(fileIdOf(assetId));
            }
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (counted.count != announced) {
            throw new IllegalStateException("The kit announced " + announced + " bytes and sent " + counted.count);
        }
        kit = new Download(path, announced, HexFormat.of().formatHex(whole.digest()));
    }

    /** The GridFS id of the asset's version 1, from the service's database (its API does not show it). */
    private String fileIdOf(String assetId) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            Document asset = client.getDatabase(DATABASE).getCollection("assets")
                    .find(Filters.or(Filters.eq("_id", new ObjectId(assetId)), Filters.eq("_id", assetId))).first();
            if (asset == null) {
                throw new IllegalStateException("No asset " + assetId + " in the database " + DATABASE);
            }
            return asset.getList("versions", Document.class).getFirst().get("file", Document.class)
                    .getString("fileId");
        }
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            return HTTP.send(request, body);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** {@code bytes} bytes: a PDF header, then random bytes from {@code seed}; kept when the file is there already. */
    private static void write(Path file, long bytes, long seed) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == bytes) {
            return;
        }
        Random random = new Random(seed);
        byte[] block = new byte[1024 * 1024];
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] header = "%PDF-1.7\n%".getBytes(StandardCharsets.US_ASCII);
            long remaining = bytes;
            boolean first = true;
            while (remaining > 0) {
                random.nextBytes(block);
                if (first) {
                    System.arraycopy(header, 0, block, 0, header.length);
                    first = false;
                }
                int length = (int) Math.min(block.length, remaining);
                out.write(ByteBuffer.wrap(block, 0, length));
                remaining -= length;
            }
        }
    }

    private static String md5(List<Path> paths) throws IOException {
        MessageDigest md5 = digest();
        for (Path path : paths) {
            try (InputStream in = Files.newInputStream(path)) {
                in.transferTo(new DigestOutput(md5));
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static String md5(Path path, long offset, long length) throws IOException {
        MessageDigest md5 = digest();
        try (FileChannel in = FileChannel.open(path)) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long position = offset;
            long end = offset + length;
            while (position < end) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                int read = in.read(buffer, position);
                if (read < 0) {
                    throw new IOException(path + " ends before " + end);
                }
                md5.update(buffer.flip());
                position += read;
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("MD5");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has MD5", ex);
        }
    }

    /** Bytes written to it go into a digest. */
    private static final class DigestOutput extends OutputStream {

        private final MessageDigest digest;

        DigestOutput(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends java.io.FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int read = super.read(b, off, len);
            if (read > 0) {
                count += read;
            }
            return read;
        }
    }
}
