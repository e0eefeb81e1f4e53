package com.brandcluster.platform.testapp;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One WireMock server per JVM standing in for another portal service; sets {@code testapp.remote.url} before the
 * Spring context loads (so every test class shares one context) and resets the stubs before each test class.
 */
public final class RemoteServiceStub implements BeforeAllCallback {

    private static volatile WireMockServer server;

    public static WireMockServer server() {
        WireMockServer current = server;
        if (current == null) {
            synchronized (RemoteServiceStub.class) {
                current = server;
                if (current == null) {
                    current = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                            .dynamicPort());
                    current.start();
                    WireMockServer started = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "remote-stub-shutdown"));
                    server = current;
                }
            }
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty("testapp.remote.url", server().baseUrl());
        server().resetAll();
    }
}
