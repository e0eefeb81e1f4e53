package com.brandcluster.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Provides Redis to a test class: the server at {@code REDIS_HOST}/{@code REDIS_PORT} (default {@code 127.0.0.1:6379}),
 * checked with a {@code PING}. Before the Spring context loads it sets {@code spring.data.redis.host|port}. Redis has
 * no per-JVM database here: tests keep apart by their own keys (e.g. a random key prefix).
 * <p>
 * Register it before {@code SpringExtension}: {@code @ExtendWith(RedisExtension.class)} above {@code @SpringBootTest}.
 */
public final class RedisExtension implements BeforeAllCallback, TestInstancePreConstructCallback {

    private static volatile String checked;

    @Override
    public void beforeAll(ExtensionContext context) {
        setSystemProperties();
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        setSystemProperties();
    }

    /** {@code host} of the Redis the tests use. */
    public static String host() {
        return Support.env("REDIS_HOST", "127.0.0.1");
    }

    /** {@code port} of the Redis the tests use. */
    public static int port() {
        return Integer.parseInt(Support.env("REDIS_PORT", "6379"));
    }

    private static void setSystemProperties() {
        String address = host() + ":" + port();
        if (!address.equals(checked)) {
            ping(host(), port());
            checked = address;
        }
        System.setProperty("spring.data.redis.host", host());
        System.setProperty("spring.data.redis.port", String.valueOf(port()));
    }

    private static void ping(String host, int port) {
        String hint = " Start it with `redis-server --daemonize yes`, install it with `apt-get install -y redis-server`, "
                + "or set REDIS_HOST/REDIS_PORT to a running Redis.";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 3000);
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[64];
            int read = in.read(answer);
            String reply = read < 0 ? "" : new String(answer, 0, read, StandardCharsets.US_ASCII);
            if (!reply.startsWith("+PONG") && !reply.startsWith("-NOAUTH")) {
                throw new IllegalStateException("Something answers on " + host + ":" + port + " but not as Redis ("
                        + reply.strip() + ")." + hint);
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException("Redis is not answering on " + host + ":" + port + "." + hint, ex);
        }
    }
}
