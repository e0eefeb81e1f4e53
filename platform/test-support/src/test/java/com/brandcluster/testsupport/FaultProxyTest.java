package com.brandcluster.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class FaultProxyTest {

    private ServerSocket echoServer;
    private FaultProxy proxy;

    @BeforeEach
    void startEchoServerAndProxy() throws IOException {
        echoServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!echoServer.isClosed()) {
                try {
                    Socket socket = echoServer.accept();
                    Thread.ofVirtual().start(() -> echo(socket));
                }
                catch (IOException ex) {
                    // closed
                }
            }
        });
        proxy = FaultProxy.to("127.0.0.1", echoServer.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echoServer.close();
    }

    @Test
    void forwardsBytesInBothDirections() throws IOException {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "hello")).isEqualTo("hello");
            assertThat(roundTrip(socket, "again")).isEqualTo("again");
        }
        assertThat(proxy.acceptedConnections()).isEqualTo(1);
    }

    @Test
    void cutClosesOpenConnectionsAndRefusesNewOnes() throws IOException {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "before")).isEqualTo("before");
            proxy.cut();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(proxy.openConnections()).isZero();
        assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);
    }

    @Test
    void restoreAcceptsConnectionsAgainOnTheSamePort() throws IOException {
        int port = proxy.port();
        proxy.cut();
        proxy.restore();
        assertThat(proxy.port()).isEqualTo(port);
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "back")).isEqualTo("back");
        }
    }

    @Test
    void delayHoldsBackEveryChunkUntilRestored() throws IOException {
        proxy.delay(Duration.ofMillis(300));
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            assertThat(roundTrip(socket, "slow")).isEqualTo("slow");
            // one delay on the way there and one on the way back
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));

            proxy.restore();
            start = System.nanoTime();
            assertThat(roundTrip(socket, "fast")).isEqualTo("fast");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
        }
    }

    @Test
    void restoreReleasesDataHeldByALongDelay() throws IOException {
        proxy.delay(Duration.ofMinutes(10));
        try (Socket socket = connect()) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("held".getBytes(StandardCharsets.UTF_8));
            await().until(() -> proxy.openConnections() == 1);
            proxy.restore();
            assertThat(read(socket, 4)).isEqualTo("held");
        }
    }

    @Test
    void resetAbortsOpenConnectionsButAcceptsNewOnes() throws IOException {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "one")).isEqualTo("one");
            proxy.reset();
            assertThatThrownBy(() -> {
                // the RST may surface on the read or, if it arrives after the write, on a following one
                for (int i = 0; i < 100; i++) {
                    socket.getOutputStream().write(1);
                    socket.getInputStream().read();
                }
            }).isInstanceOf(SocketException.class);
        }
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "two")).isEqualTo("two");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(proxy.host(), proxy.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return read(socket, text.length());
    }

    private static String read(Socket socket, int length) throws IOException {
        byte[] bytes = socket.getInputStream().readNBytes(length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void echo(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        }
        catch (IOException ex) {
            // peer went away
        }
    }
}
