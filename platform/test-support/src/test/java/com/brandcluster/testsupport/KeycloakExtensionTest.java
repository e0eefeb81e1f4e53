package com.brandcluster.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeycloakExtensionTest {

    private static final String[] PROPERTIES = {"maven.repo.local", "keycloak.version", "keycloak.dist.dir",
            "keycloak.realm.file"};

    private final Map<String, String> saved = new LinkedHashMap<>();

    @TempDir
    Path tmp;

    @BeforeEach
    void saveProperties() {
        for (String name : PROPERTIES) {
            saved.put(name, System.getProperty(name));
        }
    }

    @AfterEach
    void restoreProperties() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            }
            else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void unpacksTheDistributionFromTheLocalRepositoryWhenMavenDidNot() throws IOException {
        Path repo = tmp.resolve("repo");
        Path zip = repo.resolve("org/keycloak/keycloak-quarkus-dist/0.0.1/keycloak-quarkus-dist-0.0.1.zip");
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "keycloak-0.0.1/bin/kc.sh", "#!/bin/sh\n");
            entry(out, "keycloak-0.0.1/conf/keycloak.conf", "# conf\n");
        }
        System.setProperty("maven.repo.local", repo.toString());
        System.setProperty("keycloak.version", "0.0.1");
        System.setProperty("keycloak.dist.dir", tmp.resolve("target/keycloak").toString());

        Path home = KeycloakExtension.distribution();

        assertThat(home).isEqualTo(tmp.resolve("target/keycloak/keycloak-0.0.1"));
        assertThat(home.resolve("bin/kc.sh")).isExecutable();
        assertThat(home.resolve("conf/keycloak.conf")).hasContent("# conf");
        try (var leftovers = Files.list(tmp.resolve("target/keycloak"))) {
            assertThat(leftovers).containsExactly(home);
        }

        Files.delete(zip);
        assertThat(KeycloakExtension.distribution()).as("found again without unpacking").isEqualTo(home);
    }

    @Test
    void usesTheDirectoryMavenUnpackedIntoAndAcceptsItsRootDirectly() throws IOException {
        Path root = tmp.resolve("keycloak/keycloak-9.9.9");
        Files.createDirectories(root.resolve("bin"));
        Files.writeString(root.resolve("bin/kc.sh"), "#!/bin/sh\n");

        System.setProperty("keycloak.dist.dir", tmp.resolve("keycloak").toString());
        assertThat(KeycloakExtension.distribution()).isEqualTo(root);
        System.setProperty("keycloak.dist.dir", root.toString());
        assertThat(KeycloakExtension.distribution()).isEqualTo(root);
    }

    @Test
    void explainsHowToFetchTheDistributionWhenItIsMissing() {
        System.setProperty("maven.repo.local", tmp.resolve("empty-repo").toString());
        System.setProperty("keycloak.version", "0.0.2");
        System.setProperty("keycloak.dist.dir", tmp.resolve("nothing-here").toString());

        assertThatThrownBy(KeycloakExtension::distribution)
                .hasMessageContaining("dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:0.0.2:zip");
    }

    @Test
    void findsTheProjectsRealmFileFromInsideTheProject() {
        System.clearProperty("keycloak.realm.file");

        assertThat(KeycloakExtension.realmFile()).endsWith(Path.of("infra/keycloak/brand-cluster-realm.json"))
                .isRegularFile();
    }

    @Test
    void decodesTheClaimsOfAJwt() {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"u1\",\"secretariat_of\":[\"lighting\"]}".getBytes(StandardCharsets.UTF_8));

        var claims = KeycloakExtension.claims("eyJhbGciOiJSUzI1NiJ9." + payload + ".c2ln");

        assertThat(claims.path("sub").asString()).isEqualTo("u1");
        assertThat(claims.path("secretariat_of").get(0).asString()).isEqualTo("lighting");
    }

    @Test
    void encodesTokenRequestForms() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("password", "a b&c=d");

        assertThat(KeycloakExtension.formBody(form)).isEqualTo("grant_type=password&password=a+b%26c%3Dd");
    }

    private static void entry(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        OutputStream stream = out;
        stream.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
