package com.brandcluster.assets;

import com.brandcluster.testsupport.OpenApiDocumentContext;
import com.brandcluster.testsupport.OpenApiDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The committed {@code openapi/branding-assets-service.json} is this service's OpenAPI document as the code describes it (the
 * TypeScript clients are generated from it); outside CI a drift also rewrites the file, ready for review.
 */
@OpenApiDocumentContext
class OpenApiDocumentTest {

    @LocalServerPort
    private int port;

    @Test
    void committedDocumentMatchesTheCode() {
        OpenApiDocuments.assertMatchesCommitted("branding-assets-service", port);
    }
}
