package com.brandcluster.perf.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One process of the portal under test (a service or the gateway from its packaged jar, or MongoDB), on a free port,
 * its output in {@code <dir>/<name>.log}; {@link CoreSplit} pins it to the portal's CPUs once it is ready. Its
 * {@link #cpuTime()} is read from {@code /proc} before and after each measured phase.
 */
public final class PortalProcess {

    /**
     * The services' JVM options: a fixed heap and the serial collector (one core), and the full JIT as in production,
     * unless {@code -Dperf.serviceJvm} adds options (the smoke run adds {@code -XX:TieredStopAtLevel=1}, which
     * starts faster and understates what a warm service does).
     */
    static final List<String> SERVICE_JVM = List.of("-Xms256m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

    private static final long POLL_MILLIS = 50;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private Process process;
    private long started;
    private Duration timeToReady;
    private boolean actuator;

    private PortalProcess(String name, int port, Path log) {
        this.name = name;
        this.port = port;
        this.log = log;
    }

    /**
     * A Boot service from its jar: {@code extraClassPath}, when given, is added with the jar's
     * {@code PropertiesLauncher} ({@code loader.path}), as the driver adds the benchmark profile's classes.
     */
    static PortalProcess service(String name, Path jar, Path extraClassPath, Map<String, String> environment,
                                 Path dir) {
        requireJar(jar);
        List<String> launch = extraClassPath == null ? List.of("-jar", jar.toString())
                : List.of("-Dloader.path=" + extraClassPath.toAbsolutePath(), "-cp", jar.toString(),
                        "org.springframework.boot.loader.launch.PropertiesLauncher");
        return service(name, launch, environment, dir);
    }

    /**
     * A Boot service started with {@code launch} after the services' JVM options: {@code -jar} and a jar, preceded by
     * options of its own (a class data archive, an AOT cache), as {@link ServiceStartups} starts them.
     */
    static PortalProcess service(String name, List<String> launch, Map<String, String> environment, Path dir) {
        PortalProcess service = new PortalProcess(name, freePort(), dir.resolve(name + ".log"));
        service.start(serviceCommand(launch), withPort(environment, service.port));
        service.actuator = true;
        return service;
    }

    /**
     * Runs a service's jar to its end, with the services' JVM options: a training run ({@code launch} holds
     * {@code -Dspring.context.exit=onRefresh}, so the service stops once its context is refreshed) or a jar mode
     * (the jar's extraction); fails unless it exits with 0.
     */
    static void runToExit(String name, List<String> launch, Map<String, String> environment, Path dir,
                          Duration timeout) {
        PortalProcess training = new PortalProcess(name, freePort(), dir.resolve(name + ".log"));
        training.start(serviceCommand(launch), withPort(environment, training.port));
        try {
            if (!training.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                training.stop();
                throw new IllegalStateException(name + " did not end within " + timeout + "; its log:\n"
                        + training.tail());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        if (training.process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with " + training.process.exitValue() + "; its log:\n"
                    + training.tail());
        }
    }

    static void requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged jar " + jar.toAbsolutePath() + ": build it first, e.g. "
                    + "./mvnw -o -pl membership-service,gateway -am package -DskipTests -Dskip.ui");
        }
    }

    private static List<String> serviceCommand(List<String> launch) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(SERVICE_JVM);
        command.addAll(extraJvmOptions());
        command.addAll(launch);
        return command;
    }

    private static Map<String, String> withPort(Map<String, String> environment, int port) {
        Map<String, String> withPort = new java.util.HashMap<>(environment);
        withPort.put("PORT", Integer.toString(port));
        return withPort;
    }

    /** mongo-java-server in memory, in a JVM of its own on the class path of this one, with a 1 GB heap. */
    public static PortalProcess mongo(Path dir) {
        return mongo(dir, 1024);
    }

    /** mongo-java-server in memory with a heap of {@code heapMib} (it holds every stored file), ready. */
    public static PortalProcess mongo(Path dir, int heapMib) {
        PortalProcess mongo = main("mongodb", MongoServerMain.class, List.of("-Xmx" + heapMib + "m",
                "-XX:+UseSerialGC"), List.of(), dir);
        mongo.awaitLog(MongoServerMain.READY, Duration.ofSeconds(30));
        return mongo;
    }

    /**
     * A {@code main} class of this module in a JVM of its own on the class path of this one, with {@code jvm}
     * options, on a free port: its first argument, followed by {@code arguments}. Not awaited: see {@link #awaitLog}.
     */
    static PortalProcess main(String name, Class<?> main, List<String> jvm, List<String> arguments, Path dir) {
        PortalProcess process = new PortalProcess(name, freePort(), dir.resolve(name + ".log"));
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(),
                Integer.toString(process.port)));
        command.addAll(arguments);
        process.start(command, Map.of());
        return process;
    }

    /** Waits until the process's output holds {@code line}. */
    void awaitLog(String line, Duration timeout) {
        await(timeout, () -> logContains(line));
    }

    private void start(List<String> command, Map<String, String> environment) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(CoreSplit.onEveryCpu(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(environment);
            started = System.nanoTime();
            process = builder.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + name, ex);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time used by the process so far. */
    public Duration cpuTime() {
        return CpuTime.of(pid());
    }

    /**
     * Resident memory of the process now, in KiB: {@code VmRSS} of {@code /proc/<pid>/status} (heap in use and
     * committed, metaspace, code cache, thread stacks, mapped class data and jars that have been touched).
     */
    public long rssKib() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No VmRSS for process " + pid()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the memory of process " + pid(), ex);
        }
    }

    /**
     * The heap's old generation in use now, in KiB, from the service's {@code /actuator/prometheus}
     * ({@code jvm_memory_used_bytes} of the heap pool whose name holds "Tenured" or "Old", the serial collector's
     * {@code Tenured Gen}); -1 for a process without actuator (MongoDB, the reference). The young generation is left
     * out: it fills and empties with every collection whatever a request keeps, while what a request keeps, or an array
     * too large for the young generation, lands in the old one.
     */
    public long oldGenerationKib() {
        if (!actuator) {
            return -1;
        }
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines()
                    .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")
                            && (line.contains("Tenured") || line.contains("Old")))
                    .mapToLong(line -> (long) (Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / 1024))
                    .sum();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the heap of " + name, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * From the start of the process to the first answer 200 of its readiness group (polled every
     * {@value #POLL_MILLIS} ms, so up to that much late); null until {@link #awaitReady} has returned.
     */
    public Duration timeToReady() {
        return timeToReady;
    }

    /**
     * Waits until every service's readiness group answers 200, all at once (they were started side by side); how long
     * each took and its memory once all were ready.
     */
    static List<StartupFigure> awaitReady(List<PortalProcess> services, Duration timeout) {
        CompletableFuture.allOf(services.stream()
                .map(p -> CompletableFuture.runAsync(() -> p.awaitReady(timeout)))
                .toArray(CompletableFuture[]::new)).join();
        return services.stream()
                .map(p -> StartupFigure.of(p, p.name(), ServiceStartups.Mode.PLAIN.label(), 1, 0)).toList();
    }

    /** Stops the processes, the last started first. */
    static void stopAll(List<PortalProcess> processes) {
        List<PortalProcess> running = new ArrayList<>(processes);
        Collections.reverse(running);
        running.forEach(PortalProcess::stop);
    }

    /** Waits until the service's readiness group answers 200. */
    void awaitReady(Duration timeout) {
        URI readiness = URI.create(baseUrl() + "/actuator/health/readiness");
        await(timeout, () -> {
            try {
                boolean ready = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                if (ready) {
                    timeToReady = Duration.ofNanos(System.nanoTime() - started);
                }
                return ready;
            }
            catch (IOException ex) {
                return false;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        });
    }

    private void await(Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " before it was ready; its log:\n" + tail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " was not ready within " + timeout + "; its log:\n" + tail());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after a few seconds). */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        }
        catch (IOException ex) {
            return false;
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException ex) {
            return "(log unreadable: " + ex.getMessage() + ")";
        }
    }

    private static List<String> extraJvmOptions() {
        String options = System.getProperty("perf.serviceJvm", "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
