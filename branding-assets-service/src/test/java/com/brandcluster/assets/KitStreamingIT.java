package com.brandcluster.assets;

import com.brandcluster.assets.storage.TestFiles;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.PlatformInfrastructure;
import com.brandcluster.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kit of more than 200 MB streams through the service with its heap flat. Three processes: MongoDB (an in-memory
 * mongo-java-server, {@link StandaloneMongo}), the service (its main classes, without the test configuration, with a
 * heap smaller than the kit) and this test, which uploads through the API, downloads the kit as a stream and samples
 * the service's heap from its Prometheus endpoint meanwhile. RabbitMQ and the token issuer are this test JVM's.
 */
@PlatformInfrastructure
class KitStreamingIT {

    private static final int FILES = 3;
    private static final int FILE_SIZE = 72 * 1024 * 1024;
    private static final long HEAP_ALLOWANCE = 64L * 1024 * 1024;
    private static final Pattern HEAP_USED =
            Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Process mongo;
    private Process service;
    private String baseUrl;

    @BeforeEach
    void startProcesses() throws Exception {
        mongo = new ProcessBuilder(java("-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StandaloneMongo.class.getName())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // its log goes to standard output too: the port is on the line that starts with "port "
        BufferedReader output = new BufferedReader(new InputStreamReader(mongo.getInputStream(),
                StandardCharsets.UTF_8));
        String announced;
        do {
            announced = output.readLine();
        } while (announced != null && !announced.startsWith("port "));
        assertThat(announced).as("the MongoDB process's port").isNotNull();
        drain(mongo.getInputStream());
        String mongoUri = "mongodb://127.0.0.1:" + announced.substring("port ".length());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        baseUrl = "http://127.0.0.1:" + port;
        List<String> command = java("-Xmx160m", "-XX:+UseSerialGC", "-Xmn48m", "-XX:SurvivorRatio=2",
                "-XX:TieredStopAtLevel=1");
        System.getProperties().forEach((key, value) -> {
            String name = key.toString();
            boolean ours = name.startsWith("spring.") && !name.startsWith("spring.mongodb.");
            if (ours || name.startsWith("brandcluster.")) {
                command.add("-D" + name + "=" + value);
            }
        });
        command.addAll(List.of("-Dspring.mongodb.uri=" + mongoUri, "-Dspring.mongodb.database=assets",
                "-Dserver.port=" + port,
                "-cp", mainClassPath(), "com.brandcluster.assets.BrandingAssetsServiceApplication"));
        File log = Path.of("target", "kit-streaming-service.log").toFile();
        service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        awaitReady();
    }

    @AfterEach
    void stopProcesses() throws Exception {
        for (Process process : new Process[] {service, mongo}) {
            if (process != null) {
                process.destroy();
                process.waitFor();
            }
        }
    }

    @Test
    void aKitLargerThan200MbStreamsWithTheServicesHeapFlat() throws Exception {
        String cluster = "lighting-" + UUID.randomUUID().toString().substring(0, 8);
        String secretariat = TestTokens.user("secretariat-" + UUID.randomUUID()).roles(Roles.SECRETARIAT)
                .secretariatOf(cluster).issue();
        ApiClient api = new ApiClient(baseUrl).as(secretariat);
        for (int i = 0; i < FILES; i++) {
            HttpResponse<String> created = upload(secretariat, cluster, "photo-" + i + ".png");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String assetId = JSON.readTree(created.body()).get("id").asString();
            ApiClient.Response published = api.post("/api/assets/assets/" + assetId
                    + "/versions/1/publication", null);
            assertThat(published.status()).as(published.toString()).isEqualTo(200);
        }
        long baseline = heapUsed();

        AtomicLong peak = new AtomicLong(baseline);
        AtomicInteger samples = new AtomicInteger();
        AtomicBoolean downloading = new AtomicBoolean(true);
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (downloading.get()) {
                peak.accumulateAndGet(heapUsed(), Math::max);
                samples.incrementAndGet();
                sleep(100);
            }
        });
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/api/assets/clusters/" + cluster + "/kit.zip")).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long received = 0;
        List<String> entries = new ArrayList<>();
        try (InputStream body = response.body(); CountingStream counted = new CountingStream(body);
             ZipInputStream zip = new ZipInputStream(counted)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED);
                // reading the entry checks its bytes against the CRC-32 the header announced
                zip.transferTo(OutputStream.nullOutputStream());
                entries.add(entry.getName());
            }
            counted.transferTo(OutputStream.nullOutputStream());
            received = counted.count;
        } finally {
            downloading.set(false);
            sampler.join();
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(entries).hasSize(FILES + 1).first().isEqualTo("manifest.json");
        assertThat(received).isGreaterThan(200L * 1024 * 1024)
                .isEqualTo(Long.parseLong(response.headers().firstValue("Content-Length").orElseThrow()));
        assertThat(samples.get()).as("heap samples taken while the kit streamed").isGreaterThanOrEqualTo(5);
        // a kit held in memory, even one whole entry of it, would not fit under the allowance (nor the whole kit in
        // the service's 160 MB heap at all)
        assertThat(peak.get() - baseline).as("heap growth while %d bytes streamed (baseline %d, peak %d)",
                received, baseline, peak.get()).isLessThan(HEAP_ALLOWANCE);
    }

    /**
     * Uploads a PNG of {@link #FILE_SIZE} bytes as a PUBLIC photo, its bytes generated as they are sent: the test JVM
     * holds none of the 200 MB either.
     */
    private HttpResponse<String> upload(String token, String cluster, String filename) throws Exception {
        String boundary = "----kit-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + "{\"kind\":\"PHOTO\",\"title\":\"" + filename + "\",\"accessLevel\":\"PUBLIC\"}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] png = TestFiles.png(0);
        long length = head.length + png.length + FILE_SIZE + tail.length;
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/assets/clusters/" + cluster
                        + "/assets"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new SequenceInputStream(Collections.enumeration(List.of(
                                new ByteArrayInputStream(head), new ByteArrayInputStream(png),
                                new PngPattern(png.length, FILE_SIZE), new ByteArrayInputStream(tail))))), length))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The bytes {@link TestFiles#png} puts after its header, {@code length} of them, generated as read. */
    private static final class PngPattern extends InputStream {

        private long position;
        private final long end;

        PngPattern(int headerLength, long length) {
            position = headerLength;
            end = headerLength + length;
        }

        @Override
        public int read() {
            return position < end ? (byte) (position++ * 31 + 7) & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= end) {
                return -1;
            }
            int n = (int) Math.min(len, end - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (position++ * 31 + 7);
            }
            return n;
        }
    }

    /** Keeps reading what a process writes, so that it never blocks on a full pipe. */
    private static void drain(InputStream output) {
        Thread.ofVirtual().start(() -> {
            try {
                output.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ended) {
                // the process has ended
            }
        });
    }

    private static List<String> java(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The test JVM's class path without the test classes and their configuration. */
    private static String mainClassPath() {
        return String.join(File.pathSeparator, Arrays.stream(System.getProperty("java.class.path")
                .split(File.pathSeparator)).filter(entry -> !entry.endsWith("test-classes")).toList());
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive()).as("the service process is running (see target/kit-streaming-service.log)")
                    .isTrue();
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/actuator/health/readiness")).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The service did not get ready in 90 s (see target/kit-streaming-service.log)");
    }

    /** The service's used heap, summed over its heap pools. */
    private long heapUsed() {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher pools = HEAP_USED.matcher(metrics);
            double used = 0;
            while (pools.find()) {
                used += Double.parseDouble(pools.group(1));
            }
            assertThat(used).as("heap metrics").isPositive();
            return (long) used;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class CountingStream extends FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            count += read < 0 ? 0 : 1;
            return read;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int read = super.read(b, off, len);
            count += Math.max(read, 0);
            return read;
        }
    }
}
