package com.brandcluster.system.support;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One portal service started from its packaged jar as a separate operating-system process, on a free port, with its
 * log under {@code target/portal-logs/}. Fault tests kill it ({@link #kill()}, like {@code kill -9}) and start it again.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    ServiceProcess(String name, Path jar, Map<String, String> environment) {
        this.name = name;
        this.jar = jar;
        this.port = freePort();
        this.environment = Map.copyOf(environment);
        this.log = Path.of("target", "portal-logs", name + ".log");
    }

    /**
     * Another instance of the same service, with the same environment (database, broker, virtual host) on a port of
     * its own and its own log: two instances of one service, as a scaled deployment runs them. Not started yet.
     */
    public ServiceProcess anotherInstance(String suffix) {
        return new ServiceProcess(name + "-" + suffix, jar, environment);
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

    public Path log() {
        return log;
    }

    public synchronized void start() {
        start(Map.of());
    }

    /**
     * Starts the service with some environment variables changed for this run only, e.g.
     * {@code BRANDCLUSTER_OUTBOX_ENABLED=false} to start it with its outbox relay paused.
     */
    public synchronized void start(Map<String, String> overrides) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged jar " + jar.toAbsolutePath()
                    + ": build it first (./mvnw verify builds every module before the system tests)");
        }
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dfile.encoding=UTF-8", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().putAll(overrides);
            builder.environment().put("PORT", Integer.toString(port));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Waits until the service reports itself ready to take traffic. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI readiness = URI.create(baseUrl() + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + (process == null ? "?" : process.exitValue())
                        + " before it was ready; its log:\n" + tail());
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; its log:\n" + tail());
    }

    /** Stops the process abruptly, as {@code kill -9} would: no shutdown hooks, nothing flushed. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** Stops the process gracefully (waiting up to 30 s before it is killed). */
    public synchronized void stop() {
        stop(Duration.ofSeconds(30));
    }

    /** Stops the process gracefully, killing it if it has not exited within {@code grace}. */
    public synchronized void stop(Duration grace) {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor(grace);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String tail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private void waitFor() {
        waitFor(Duration.ofSeconds(30));
    }

    private void waitFor(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
