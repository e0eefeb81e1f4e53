package com.brandcluster.notification.mail;

import java.util.List;

import com.brandcluster.testsupport.FaultProxy;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;

/**
 * One GreenMail SMTP server per test JVM on a free port, behind a {@link FaultProxy} that the service under test
 * talks to, so that a test can take the SMTP server away ({@link #down()}) and bring it back ({@link #up()}) without
 * the Spring context (which caches the address) noticing anything but the outage itself.
 */
final class TestSmtp {

    private static final GreenMail SERVER;
    private static final FaultProxy PROXY;

    static {
        SERVER = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        SERVER.start();
        PROXY = FaultProxy.to("127.0.0.1", SERVER.getSmtp().getPort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            PROXY.close();
            SERVER.stop();
        }, "test-smtp-shutdown"));
    }

    private TestSmtp() {
    }

    /** Where the service sends mail: the proxy. */
    static int port() {
        return PROXY.port();
    }

    static String host() {
        return PROXY.host();
    }

    /** Connections are refused, as by a server that is down. */
    static void down() {
        PROXY.cut();
    }

    static void up() {
        PROXY.restore();
    }

    /** Up, and no mail received yet. */
    static void reset() {
        PROXY.restore();
        try {
            SERVER.purgeEmailFromAllMailboxes();
        }
        catch (com.icegreen.greenmail.store.FolderException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static List<MimeMessage> received() {
        return List.of(SERVER.getReceivedMessages());
    }
}
