package com.brandcluster.assets.asset;

import com.brandcluster.assets.asset.ShareLinkRequests.CreatedShareLink;
import com.brandcluster.assets.asset.ShareLinkRequests.NewShareLink;
import com.brandcluster.assets.asset.ShareLinkRequests.ShareLinkView;
import com.brandcluster.assets.storage.FileResponses;
import com.brandcluster.assets.storage.StoredFile;
import com.brandcluster.platform.security.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;

@RestController
@RequestMapping("/api/assets")
class ShareLinkController {

    static final String SHARED_PATH = "/api/assets/shared/";

    private final ShareLinks shareLinks;
    private final FileResponses fileResponses;
    private final Clock clock;

    ShareLinkController(ShareLinks shareLinks, FileResponses fileResponses, Clock clock) {
        this.shareLinks = shareLinks;
        this.fileResponses = fileResponses;
        this.clock = clock;
    }

    @PostMapping("/assets/{assetId}/share-links")
    ResponseEntity<CreatedShareLink> create(@PathVariable String assetId, @Valid @RequestBody NewShareLink request,
                                            Caller caller) {
        ShareLinks.Created created = shareLinks.create(assetId, request, caller);
        String url = SHARED_PATH + created.token();
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(url).build().toUri();
        return ResponseEntity.created(location).body(new CreatedShareLink(created.link().id(), url,
                ShareLinkView.of(created.link(), clock.instant())));
    }

    @GetMapping("/assets/{assetId}/share-links")
    List<ShareLinkView> list(@PathVariable String assetId, Caller caller) {
        var now = clock.instant();
        return shareLinks.of(assetId, caller).stream().map(link -> ShareLinkView.of(link, now)).toList();
    }

    @DeleteMapping("/share-links/{linkId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String linkId, Caller caller) {
        shareLinks.revoke(linkId, caller);
    }

    /** The shared file, streamed like a content download; no account needed, the token is the permission. */
    @GetMapping("/shared/{token}")
    @ApiResponse(responseCode = "200", description = "The shared file, in its own content type",
            content = @Content(mediaType = "application/octet-stream",
                    schema = @Schema(type = "string", format = "binary")))
    void shared(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        StoredFile file = shareLinks.download(token, candidate -> fileResponses.continuesDownload(candidate, request));
        // the link can be revoked at any time and its URL is a secret: no shared caches, no referrer leaking it
        response.setHeader("Referrer-Policy", "no-referrer");
        // an outside party's download counts on the link itself (its downloads and limit), not among members' records
        fileResponses.write(file, "private, no-cache", request, response);
    }
}
