package com.brandcluster.system.faults;

import com.brandcluster.system.support.Browser;
import com.brandcluster.system.support.KeycloakLogin;
import com.brandcluster.system.support.Members;
import com.brandcluster.system.support.Portal;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.FaultProxy;
import com.brandcluster.testsupport.KeycloakExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak unreachable for the portal (the services' and the gateway's connections to it cut at its fault proxy; the
 * test and the browser still reach it, as a user's browser would while the portal's network path to Keycloak is
 * broken): requests with valid tokens, even ones issued after the cut, keep working through the gateway, because the
 * signing keys are cached; a browser login fails back to the web UI ({@code /?login=failed}) instead of an error
 * page; once Keycloak is reachable again, logins work.
 */
@PortalSystemTest
@Order(Integer.MAX_VALUE - 1)
class KeycloakOutageIT {

    @RegisterExtension
    static final Browser browser = Browser.headless().build();

    private static final List<String> SECRETARIAT_READS = List.of("/api/membership/clusters/lighting/audit",
            "/api/events/clusters/lighting/events", "/api/assets/clusters/lighting/assets");

    private final Portal portal = Portal.get();

    @AfterEach
    void restore() {
        portal.restoreFaults();
    }

    @Test
    void validTokensKeepWorkingAndLoginsFailCleanlyWhileKeycloakIsUnreachable() {
        Members.foundLighting(portal);
        ApiClient gateway = portal.viaGateway();
        String before = KeycloakExtension.freshPasswordToken("secretariat-lighting", KeycloakExtension.DEMO_PASSWORD);
        SECRETARIAT_READS.forEach(path -> assertThat(gateway.as(before).get(path).status()).as(path).isEqualTo(200));
        FaultProxy keycloak = portal.keycloakProxy();

        keycloak.cut();
        String issuedDuringTheOutage = KeycloakExtension.freshPasswordToken("secretariat-lighting",
                KeycloakExtension.DEMO_PASSWORD);
        for (String token : List.of(before, issuedDuringTheOutage)) {
            SECRETARIAT_READS.forEach(path -> {
                ApiClient.Response response = gateway.as(token).get(path);
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
            });
        }
        ApiClient.Response anonymous = gateway.anonymous().get("/api/membership/clusters/lighting/audit");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        KeycloakLogin login = KeycloakLogin.forPortal(browser);
        login.logIn("secretariat-lighting", KeycloakExtension.DEMO_PASSWORD, "/welcome");
        String failedAt = browser.url();
        assertThat(failedAt).isEqualTo(login.gateway() + "/?login=failed");
        assertThat(gateway.as(issuedDuringTheOutage).get(SECRETARIAT_READS.getFirst()).status()).isEqualTo(200);

        keycloak.restore();
        // the user's Keycloak session from the failed attempt stands: Keycloak sends the browser straight back
        login.startLogin("/welcome");
        browser.waiting().until(driver -> driver.getCurrentUrl().equals(login.gateway() + "/welcome")
                || driver.getCurrentUrl().contains("login=failed"));
        assertThat(browser.url()).isEqualTo(login.gateway() + "/welcome");
        System.out.printf("KeycloakOutageIT: portal -> Keycloak cut: a token from before and one issued during the "
                + "outage answered 200 at membership, events and assets through the gateway; a browser login ended at "
                + "%s; restored: the login ended at /welcome%n", failedAt.substring(login.gateway().length()));
    }
}
