package com.brandcluster.assets.asset;

import com.brandcluster.assets.asset.AssetRequests.AssetMetadata;
import com.brandcluster.assets.asset.AssetRequests.AssetView;
import com.brandcluster.assets.download.DownloadChannel;
import com.brandcluster.assets.download.Downloads;
import com.brandcluster.assets.storage.FileResponses;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.PageView;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;

@RestController
@Validated
@RequestMapping("/api/assets")
class AssetController {

    private final Assets assets;
    private final FileResponses fileResponses;
    private final Downloads downloads;

    AssetController(Assets assets, FileResponses fileResponses, Downloads downloads) {
        this.assets = assets;
        this.fileResponses = fileResponses;
        this.downloads = downloads;
    }

    @PostMapping(value = "/clusters/{clusterId}/assets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AssetView> create(@PathVariable String clusterId, @RequestPart("file") MultipartFile file,
                                     @Valid @RequestPart("metadata") AssetMetadata metadata, Caller caller) {
        Asset asset = assets.create(clusterId, metadata, file, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/assets/assets/{id}").buildAndExpand(asset.id()).toUri()).body(AssetView.of(asset, true));
    }

    @GetMapping("/clusters/{clusterId}/assets")
    PageView<AssetView> search(@PathVariable String clusterId,
                               @RequestParam(required = false) AssetKind kind,
                               @RequestParam(required = false) @Size(max = 60) String tag,
                               @RequestParam(required = false) @Size(max = 200) String q,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                               Caller caller) {
        List<String> text = null;
        if (q != null && !q.isBlank()) {
            text = SearchKeys.ofQuery(q);
            if (text.isEmpty()) {
                throw new AssetRequests.InvalidRequestException("q",
                        "needs a word of two or more letters or digits, or a Chinese, Japanese or Korean character");
            }
        }
        boolean secretariat = caller.isSecretariatOf(clusterId);
        return PageView.of(assets.search(clusterId, new Assets.Filter(kind, tag, text), caller, page, size),
                asset -> AssetView.of(asset, secretariat));
    }

    @GetMapping("/assets/{assetId}")
    AssetView get(@PathVariable String assetId, Caller caller) {
        Assets.Readable readable = assets.readable(assetId, caller);
        return AssetView.of(readable.asset(), readable.entitlement().isSecretariat());
    }

    @PatchMapping(value = "/assets/{assetId}", consumes = {"application/json", "application/merge-patch+json"})
    AssetView edit(@PathVariable String assetId,
                   @RequestBody @Schema(implementation = AssetMetadata.class) JsonNode patch, Caller caller) {
        return AssetView.of(assets.edit(assetId, patch, caller), true);
    }

    @PostMapping(value = "/assets/{assetId}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AssetView> addVersion(@PathVariable String assetId, @RequestPart("file") MultipartFile file,
                                         @RequestParam(required = false) @Size(max = 2000) String notes,
                                         Caller caller) {
        Asset asset = assets.addVersion(assetId, file, notes, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/assets/assets/{id}/content").queryParam("version", asset.latest().number())
                        .buildAndExpand(asset.id()).toUri())
                .body(AssetView.of(asset, true));
    }

    @PostMapping("/assets/{assetId}/versions/{version}/publication")
    AssetView publish(@PathVariable String assetId, @PathVariable int version, Caller caller) {
        return AssetView.of(assets.publish(assetId, version, caller), true);
    }

    @PostMapping("/assets/{assetId}/versions/{version}/retirement")
    AssetView retire(@PathVariable String assetId, @PathVariable int version, Caller caller) {
        return AssetView.of(assets.retire(assetId, version, caller), true);
    }

    /** The file of a version, streamed, with validators, conditional requests and ranges. */
    @GetMapping("/assets/{assetId}/content")
    @ApiResponse(responseCode = "200", description = "The file, in its own content type (ranges answer 206)",
            content = @Content(mediaType = "application/octet-stream",
                    schema = @Schema(type = "string", format = "binary")))
    void content(@PathVariable String assetId, @RequestParam(required = false) @Min(1) Integer version,
                 Caller caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Assets.Download download = assets.content(assetId, version, caller);
        // anything else depends on the caller's standing, which can change at any time: no shared caches; and every
        // reuse is revalidated, so that a retirement or a suspension takes effect at once
        String cacheControl = download.forEveryone() ? "public, no-cache" : "private, no-cache";
        fileResponses.write(download.file(), cacheControl, request, response,
                () -> downloads.record(download.downloaded(), caller, DownloadChannel.CONTENT));
    }
}
