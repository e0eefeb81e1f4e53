package com.brandcluster.system.browser;

import com.brandcluster.system.support.Browser;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.system.support.PortalUi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to the web UI as each demo role, as a person does: the header's "Sign in" button, Keycloak's login page,
 * and back on the page where it started; the header then shows who is signed in and the navigation of that role (and
 * no other's); "Sign out" ends the session, and the pages are anonymous again.
 */
@PortalSystemTest
class UiSignInIT {

    @RegisterExtension
    static final Browser browser = Browser.headless().build();

    private static PortalUi ui;

    @BeforeAll
    static void portal() {
        ui = PortalUi.forPortal(browser);
    }

    static Stream<Arguments> roles() {
        return Stream.of(
                Arguments.of("enterprise-opal", "Opal Staff",
                        List.of("Verify a member", "My enterprise", "Memberships", "Experts & salons", "Events", "Brand kit")),
                Arguments.of("secretariat-lighting", "Lin Guang",
                        List.of("Verify a member", "Secretariat", "Events", "Brand kit")),
                Arguments.of("expert-li", "Li Ming",
                        List.of("Verify a member", "My consultations", "Availability", "My expert profile", "Brand kit")),
                Arguments.of("alliance-admin", "Alliance Office",
                        List.of("Verify a member", "Secretariat", "Brand kit")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roles")
    void signsInThroughKeycloaksPageSeesTheNavigationOfTheRoleAndSignsOut(String username, String name,
                                                                          List<String> navigation) {
        ui.open("/verify");
        assertThat(ui.userName()).isEmpty();
        assertThat(ui.navigation()).containsExactly("Verify a member");

        ui.signIn(username);

        assertThat(ui.browser().url()).isEqualTo(ui.gateway() + "/verify");
        assertThat(ui.userName()).isEqualTo(name);
        assertThat(ui.navigation()).containsExactlyElementsOf(navigation);
        browser.screenshot("signed-in-" + username);

        ui.signOut();

        assertThat(ui.userName()).isEmpty();
        assertThat(ui.navigation()).containsExactly("Verify a member");
        ui.open("/membership/memberships");
        assertThat(ui.heading()).as("a signed-in page after signing out").isEqualTo("Please sign in");
        assertThat(ui.cspViolations()).isEmpty();
    }
}
