package com.brandcluster.events;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock membership-service, one per test JVM, with no stubs at the start of each test class: then every lookup
 * of an enterprise the local projection does not know answers 404, "not a member".
 *
 * <p>The build reserves its port and hands every IT JVM {@code membership.stub.port} and
 * {@code brandcluster.services.membership-url} pointing at it, so the one context all ITs share calls it, whichever
 * test class starts that context. Outside Maven it takes a free port and sets the URL itself, which is in time only if
 * no context was started before.
 */
public final class MembershipServiceStub implements BeforeAllCallback {

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            String port = System.getProperty("membership.stub.port");
            WireMockConfiguration options = WireMockConfiguration.options().bindAddress("127.0.0.1");
            WireMockServer started = new WireMockServer(port == null || port.isBlank() ? options.dynamicPort()
                    : options.port(Integer.parseInt(port)));
            started.start();
            System.getProperties().putIfAbsent("brandcluster.services.membership-url", started.baseUrl());
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "membership-stub-stop"));
            server = started;
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server().resetAll();
    }
}
