package com.brandcluster.gateway.session;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserSessionPropertiesTest {

    @Test
    void sendsTheBrowserToThePublicIssuerAndTheGatewayThroughTheBackChannel() {
        BrowserSessionProperties.Keycloak keycloak = new BrowserSessionProperties.Keycloak(
                URI.create("https://auth.brandcluster.example/realms/brand-cluster/"),
                URI.create("http://keycloak:8080/"));

        assertThat(keycloak.issuer()).isEqualTo("https://auth.brandcluster.example/realms/brand-cluster");
        assertThat(keycloak.authorizationUri())
                .isEqualTo("https://auth.brandcluster.example/realms/brand-cluster/protocol/openid-connect/auth");
        assertThat(keycloak.endSessionUri())
                .isEqualTo("https://auth.brandcluster.example/realms/brand-cluster/protocol/openid-connect/logout");
        assertThat(keycloak.tokenUri())
                .isEqualTo("http://keycloak:8080/realms/brand-cluster/protocol/openid-connect/token");
        assertThat(keycloak.jwkSetUri())
                .isEqualTo("http://keycloak:8080/realms/brand-cluster/protocol/openid-connect/certs");
    }

    @Test
    void reachesKeycloakAtTheIssuerWithoutABackChannelAddress() {
        BrowserSessionProperties.Keycloak keycloak = new BrowserSessionProperties.Keycloak(
                URI.create("http://localhost:8180/realms/brand-cluster"), null);

        assertThat(keycloak.tokenUri())
                .isEqualTo("http://localhost:8180/realms/brand-cluster/protocol/openid-connect/token");
    }
}
