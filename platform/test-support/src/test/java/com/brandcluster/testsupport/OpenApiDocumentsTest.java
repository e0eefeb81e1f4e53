package com.brandcluster.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenApiDocumentsTest {

    static final String DOCUMENT = "{\"openapi\":\"3.1.0\",\"paths\":{\"/api/x\":{\"get\":{\"summary\":\"old\"}}}}";

    @TempDir
    Path dir;

    @Test
    void acceptsTheSameDocumentWhateverItsFormatting() throws IOException {
        Path committed = dir.resolve("svc.json");
        Files.writeString(committed, "{\n  \"openapi\" : \"3.1.0\",\n  \"paths\" : {\"/api/x\" : {\"get\" : {\"summary\" "
                + ": \"old\"}}}\n}\n");

        OpenApiDocuments.assertMatchesCommitted(committed, DOCUMENT, true);

        assertThat(Files.readString(committed)).startsWith("{\n  \"openapi\" : \"3.1.0\"");
    }

    @Test
    void failsNamingTheDifferencesAndRewritesTheFileOutsideCi() throws IOException {
        Path committed = dir.resolve("svc.json");
        Files.writeString(committed, DOCUMENT);
        String changed = "{\"openapi\":\"3.1.0\",\"paths\":{\"/api/x\":{\"get\":{\"summary\":\"new\"}},\"/api/y\":{}}}";

        assertThatThrownBy(() -> OpenApiDocuments.assertMatchesCommitted(committed, changed, true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("2 differences")
                .hasMessageContaining("changed /paths/~1api~1x/get/summary: \"old\" -> \"new\"")
                .hasMessageContaining("added   /paths/~1api~1y")
                .hasMessageContaining("has been rewritten");

        String rewritten = Files.readString(committed, StandardCharsets.UTF_8);
        assertThat(rewritten).contains("\"summary\" : \"new\"").endsWith("}\n");
        OpenApiDocuments.assertMatchesCommitted(committed, changed, false);
    }

    @Test
    void leavesTheFileAloneOnCi() throws IOException {
        Path committed = dir.resolve("svc.json");
        Files.writeString(committed, DOCUMENT);

        assertThatThrownBy(() -> OpenApiDocuments.assertMatchesCommitted(committed, "{\"openapi\":\"3.1.0\"}", false))
                .hasMessageContaining("removed /paths")
                .hasMessageContaining("Run the test without the CI environment variable");

        assertThat(Files.readString(committed)).isEqualTo(DOCUMENT);
    }

    @Test
    void writesAMissingDocument() {
        Path committed = dir.resolve("openapi").resolve("new-service.json");

        assertThatThrownBy(() -> OpenApiDocuments.assertMatchesCommitted(committed, DOCUMENT, true))
                .hasMessageContaining("the file does not exist");

        assertThat(committed).exists();
    }

    @Test
    void findsTheCommittedFilesAtTheRepositoryRoot() {
        Path file = OpenApiDocuments.committedFile("membership-service");

        assertThat(file.getParent().getFileName()).hasToString("openapi");
        assertThat(file.getParent().getParent().resolve("mvnw")).exists();
    }
}
