package com.brandcluster.assets.asset;

import com.brandcluster.assets.download.DownloadChannel;
import com.brandcluster.assets.download.Downloads;
import com.brandcluster.assets.rendition.RenditionNotFoundException;
import com.brandcluster.assets.rendition.Renditions;
import com.brandcluster.assets.storage.FileResponses;
import com.brandcluster.platform.security.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/** PNG renditions of logos and photos, with the same entitlements and HTTP semantics as the version's file. */
@RestController
@Validated
@RequestMapping("/api/assets")
class RenditionController {

    private static final Set<AssetKind> RENDERED = Set.of(AssetKind.LOGO, AssetKind.PHOTO);

    private final Assets assets;
    private final Renditions renditions;
    private final FileResponses fileResponses;
    private final Downloads downloads;

    RenditionController(Assets assets, Renditions renditions, FileResponses fileResponses, Downloads downloads) {
        this.assets = assets;
        this.renditions = renditions;
        this.fileResponses = fileResponses;
        this.downloads = downloads;
    }

    @GetMapping("/assets/{assetId}/renditions/{size}")
    @ApiResponse(responseCode = "200", description = "The rendition image",
            content = {@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary"))})
    void rendition(@PathVariable String assetId, @PathVariable int size,
                   @RequestParam(required = false) @Min(1) Integer version, Caller caller,
                   HttpServletRequest request, HttpServletResponse response) throws IOException {
        Assets.Download download = assets.content(assetId, version, caller);
        AssetKind kind = assets.readable(assetId, caller).asset().details().kind();
        if (!RENDERED.contains(kind)) {
            throw new RenditionNotFoundException("Renditions are made of logos and photos; this asset is a "
                    + kind.name().toLowerCase(Locale.ROOT) + ".");
        }
        // as the version's file: what depends on the caller's standing is private and always revalidated
        String cacheControl = download.forEveryone() ? "public, no-cache" : "private, no-cache";
        fileResponses.write(renditions.of(download.file(), size), cacheControl, request, response,
                () -> downloads.record(download.downloaded(), caller, DownloadChannel.RENDITION));
    }
}
