package com.brandcluster.assets;

import com.brandcluster.testsupport.OpenApiDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The committed {@code openapi/branding-assets-service.json} is this service's OpenAPI document as the code describes it (the
 * TypeScript clients are generated from it); outside CI a drift also rewrites the file, ready for review. Read from
 * the context every integration test of this service shares, where the document is served
 * ({@code src/test/resources/config/application.yml}).
 */
class OpenApiDocumentIT extends AssetsIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void committedDocumentMatchesTheCode() {
        OpenApiDocuments.assertMatchesCommitted("branding-assets-service", port);
    }
}
