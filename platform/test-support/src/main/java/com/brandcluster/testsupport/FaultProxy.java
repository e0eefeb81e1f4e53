package com.brandcluster.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on a free loopback port in front of a target ({@code host:port}), for putting faults between a service
 * and RabbitMQ, MongoDB or another service:
 * <ul>
 * <li>{@link #cut()}: closes every open connection and refuses new ones (the port stops listening);</li>
 * <li>{@link #delay(Duration)}: forwards every chunk of data, in both directions, only after the given latency;</li>
 * <li>{@link #reset()}: aborts every open connection with a TCP RST (both sides); new connections are still
 * accepted;</li>
 * <li>{@link #restore()}: listens again (on the same port) and removes the delay.</li>
 * </ul>
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.to("127.0.0.1", 5672)) {
 *     // point the client at proxy.address() ...
 *     proxy.cut();
 *     ...
 *     proxy.restore();
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultProxy.class);

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    private volatile ServerSocket serverSocket;
    private volatile Thread acceptor;
    private volatile long delayNanos;
    private volatile boolean closed;

    /** Starts a proxy to {@code targetHost:targetPort} on a free loopback port. */
    public FaultProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.serverSocket = listen(0);
        this.port = serverSocket.getLocalPort();
        startAccepting(serverSocket);
    }

    /** Starts a proxy to {@code host:port}. */
    public static FaultProxy to(String host, int port) {
        return new FaultProxy(host, port);
    }

    /** The proxy's host, {@code 127.0.0.1}. */
    public String host() {
        return "127.0.0.1";
    }

    /** The proxy's port; it stays the same across {@link #cut()} and {@link #restore()}. */
    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String address() {
        return host() + ":" + port;
    }

    /** Open proxied connections. */
    public int openConnections() {
        return links.size();
    }

    /** Connections accepted since the proxy started (to see that a client reconnected). */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Closes every open connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        lock.lock();
        try {
            ServerSocket socket = serverSocket;
            serverSocket = null;
            stopAccepting(socket);
            links.forEach(Link::close);
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
        log.info("Fault proxy {} -> {}:{} cut", port, targetHost, targetPort);
    }

    /** Aborts every open connection with a TCP reset (RST) towards both peers; new connections are accepted. */
    public void reset() {
        links.forEach(Link::abort);
        log.info("Fault proxy {} -> {}:{} reset its connections", port, targetHost, targetPort);
    }

    /** Adds latency to every chunk forwarded from now on, in both directions; {@link Duration#ZERO} removes it. */
    public void delay(Duration delay) {
        lock.lock();
        try {
            delayNanos = delay.toNanos();
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
        log.info("Fault proxy {} -> {}:{} delays by {}", port, targetHost, targetPort, delay);
    }

    /** Removes the delay and accepts connections again. */
    public void restore() {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The fault proxy is closed");
            }
            delayNanos = 0;
            changed.signalAll();
            if (serverSocket == null) {
                serverSocket = listen(port);
                startAccepting(serverSocket);
            }
        }
        finally {
            lock.unlock();
        }
        log.info("Fault proxy {} -> {}:{} restored", port, targetHost, targetPort);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            ServerSocket socket = serverSocket;
            serverSocket = null;
            stopAccepting(socket);
            links.forEach(Link::close);
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            return socket;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The fault proxy could not listen on port " + port, ex);
        }
    }

    private void stopAccepting(ServerSocket socket) {
        closeQuietly(socket);
        Thread thread = acceptor;
        if (thread != null) {
            try {
                // the socket is really released only once the accepting thread has left accept()
                thread.join(Duration.ofSeconds(10));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void startAccepting(ServerSocket socket) {
        acceptor = Thread.ofPlatform().daemon().name("fault-proxy-accept-" + port).start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    accepted.incrementAndGet();
                    Thread.ofVirtual().name("fault-proxy-connect-" + port).start(() -> connect(client));
                }
                catch (IOException ex) {
                    // closed by cut() or close()
                }
            }
        });
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(new InetSocketAddress(targetHost, targetPort), 10_000);
        }
        catch (IOException ex) {
            log.debug("Fault proxy {} could not reach {}:{}", port, targetHost, targetPort, ex);
            closeQuietly(upstream);
            closeQuietly(client);
            return;
        }
        Link link = new Link(client, upstream);
        links.add(link);
        if (serverSocket == null || closed) {
            // cut() or close() ran while this connection was being set up
            link.close();
            return;
        }
        Thread.ofVirtual().name("fault-proxy-up-" + port).start(() -> link.pump(client, upstream));
        Thread.ofVirtual().name("fault-proxy-down-" + port).start(() -> link.pump(upstream, client));
    }

    private void awaitDelay(long readAt) throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                long remaining = readAt + delayNanos - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                changed.awaitNanos(remaining);
            }
        }
        finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            }
            catch (Exception ex) {
                // nothing to do
            }
        }
    }

    private final class Link {

        private final Socket client;
        private final Socket upstream;
        private final AtomicInteger finished = new AtomicInteger();

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (delayNanos > 0) {
                        awaitDelay(System.nanoTime());
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
                to.shutdownOutput();
                if (finished.incrementAndGet() == 2) {
                    close();
                }
            }
            catch (IOException ex) {
                close();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                close();
            }
        }

        void close() {
            links.remove(this);
            closeQuietly(client);
            closeQuietly(upstream);
        }

        void abort() {
            links.remove(this);
            for (Socket socket : new Socket[] {client, upstream}) {
                try {
                    socket.setSoLinger(true, 0);
                }
                catch (IOException ex) {
                    // already closed
                }
                closeQuietly(socket);
            }
        }
    }
}
