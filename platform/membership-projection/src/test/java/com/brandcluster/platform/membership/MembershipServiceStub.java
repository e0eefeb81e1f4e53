package com.brandcluster.platform.membership;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One WireMock server per test JVM standing in for membership-service, reset before each test class that uses it.
 *
 * <p>How the service's Feign client finds it without a context of its own: the build reserves a free port
 * ({@code build-helper:reserve-network-port}) and failsafe hands every IT JVM both {@code membership.stub.port} and
 * {@code brandcluster.services.membership-url=http://127.0.0.1:<port>} as system properties. So the one Spring context
 * that all of this service's integration tests share already points at this stub, whichever test class creates it,
 * and its configuration (the context cache key) is the same for every IT. Run outside Maven (an IDE), the stub takes a
 * free port and sets the URL property itself; that is only in time if no other IT created the context before.
 */
public final class MembershipServiceStub implements BeforeAllCallback {

    public static final String PORT_PROPERTY = "membership.stub.port";
    public static final String URL_PROPERTY = "brandcluster.services.membership-url";

    private static volatile WireMockServer server;

    public static WireMockServer server() {
        WireMockServer current = server;
        if (current == null) {
            synchronized (MembershipServiceStub.class) {
                current = server;
                if (current == null) {
                    String port = System.getProperty(PORT_PROPERTY);
                    WireMockConfiguration options = WireMockConfiguration.options().bindAddress("127.0.0.1");
                    current = new WireMockServer(port == null || port.isBlank()
                            ? options.dynamicPort() : options.port(Integer.parseInt(port)));
                    current.start();
                    if (System.getProperty(URL_PROPERTY) == null) {
                        System.setProperty(URL_PROPERTY, current.baseUrl());
                    }
                    WireMockServer started = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "membership-stub-shutdown"));
                    server = current;
                }
            }
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server().resetAll();
    }
}
