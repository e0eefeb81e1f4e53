package com.brandcluster.system.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.brandcluster.system.support.Portal;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.testsupport.KeycloakExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No tokens, secrets or personal data in the logs: after every other system test has driven the portal (logins,
 * registrations, bookings, mails, downloads, failures), the logs of every service and gateway process it started, and
 * of the portal {@code PortalScriptIT} ran with {@code ./portal up}, are searched for JSON Web Tokens, bearer headers,
 * the demo users' password, the clients' secrets and e-mail addresses. Keycloak's own log is Keycloak's business, and
 * the local mail catcher's (a development tool of {@code ./portal up} that keeps the mails themselves) is not the
 * portal's: neither is searched.
 */
@PortalSystemTest
@Order(Integer.MAX_VALUE)
class LogHygieneIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Pattern E_MAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    @Test
    void theLogsOfEveryProcessHoldNoTokenSecretPasswordOrEMailAddress() throws IOException {
        Portal.get();
        Map<String, Pattern> forbidden = Map.of(
                "a JSON Web Token", Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}"),
                "a bearer credential", Pattern.compile("Bearer [A-Za-z0-9._~+/-]{16,}"),
                "the demo users' password", Pattern.compile(Pattern.quote(KeycloakExtension.DEMO_PASSWORD)),
                "portal-gateway's client secret", Pattern.compile(Pattern.quote(KeycloakExtension.portalGatewaySecret())),
                "membership-service's client secret",
                Pattern.compile(Pattern.quote(KeycloakExtension.membershipServiceSecret())),
                "notification-service's client secret",
                Pattern.compile(Pattern.quote(KeycloakExtension.notificationServiceSecret())),
                "an e-mail address", E_MAIL);
        List<Path> logs = serviceLogs();
        assertThat(logs).as("the logs of the system tests' portal").hasSizeGreaterThanOrEqualTo(6);
        long lines = 0;
        List<String> findings = new ArrayList<>();
        for (Path log : logs) {
            List<String> content = Files.readAllLines(log, StandardCharsets.UTF_8);
            lines += content.size();
            for (int number = 0; number < content.size(); number++) {
                String line = content.get(number);
                for (Map.Entry<String, Pattern> secret : forbidden.entrySet()) {
                    Matcher found = secret.getValue().matcher(line);
                    if (found.find()) {
                        findings.add(TARGET.relativize(log) + ":" + (number + 1) + ": " + secret.getKey() + ": "
                                + line.substring(0, Math.min(line.length(), 300)));
                    }
                }
            }
        }
        System.out.printf("Log hygiene: %d log files, %d lines searched, %d findings%n", logs.size(), lines,
                findings.size());
        assertThat(lines).as("lines written by the portal's processes").isGreaterThan(1_000);
        assertThat(findings).isEmpty();
    }

    /** Keycloak's, and the local mail catcher's (a development tool that holds the mails themselves). */
    private static boolean ownLogOfATool(String fileName) {
        return fileName.startsWith("keycloak") || fileName.equals("mail.log");
    }

    /** The system tests' portal ({@code target/portal-logs}) and {@code ./portal up}'s ({@code target/portal-state-*}). */
    private static List<Path> serviceLogs() throws IOException {
        try (Stream<Path> files = Files.walk(TARGET, 4)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".log"))
                    .filter(file -> file.startsWith(TARGET.resolve("portal-logs"))
                            || (TARGET.relativize(file).getName(0).toString().startsWith("portal-state-")
                                    && !ownLogOfATool(file.getFileName().toString())))
                    .sorted()
                    .toList();
        }
    }
}
