package com.brandcluster.gateway.session;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SessionControllerTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/clusters/lighting", "/events?from=2026-05-01&tag=a%2Fb", "/salons#slots" })
    void returnsAfterLoginToAPathOfThisSite(String target) {
        assertThat(SessionController.sitePathOrRoot(target)).isEqualTo(target);
    }

    @ParameterizedTest
    @CsvSource(value = { "https://evil.example/", "//evil.example/", "/\\evil.example/", "evil", "''",
            "/a b", "NULL" }, nullValues = "NULL")
    void neverReturnsToAnotherSiteAfterLogin(String target) {
        assertThat(SessionController.sitePathOrRoot(target)).isEqualTo("/");
    }
}
