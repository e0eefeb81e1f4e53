package com.brandcluster.assets.asset;

import com.brandcluster.assets.download.DownloadChannel;
import com.brandcluster.assets.download.Downloads;
import com.brandcluster.assets.storage.FileStore;
import com.brandcluster.assets.storage.Filenames;
import com.brandcluster.assets.storage.StoredZip;
import com.brandcluster.platform.security.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

@RestController
@Validated
@RequestMapping("/api/assets")
class KitController {

    private final Kits kits;
    private final FileStore files;
    private final Downloads downloads;

    KitController(Kits kits, FileStore files, Downloads downloads) {
        this.kits = kits;
        this.files = files;
        this.downloads = downloads;
    }

    /**
     * The brand kit zip, streamed one GridFS batch at a time with its exact {@code Content-Length}; each asset in it
     * is recorded as downloaded (channel KIT) before the bytes go out, a 304 records nothing.
     */
    @GetMapping("/clusters/{clusterId}/kit.zip")
    @ApiResponse(responseCode = "200", description = "The brand kit, streamed as one zip",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    void kit(@PathVariable String clusterId, @RequestParam(required = false) @Size(max = 200) List<String> assets,
             Caller caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Kits.Kit kit = kits.prepare(clusterId, assets, caller);
        response.setHeader(HttpHeaders.ETAG, kit.etag());
        // what the kit holds depends on the caller's standing: never from a shared cache, always revalidated
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), kit.etag())) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        downloads.record(kit.items().stream().map(item -> new Downloads.Downloaded(clusterId, item.assetId(),
                item.version())).toList(), caller, DownloadChannel.KIT);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType("application/zip");
        response.setContentLengthLong(kit.length());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Filenames.attachment(clusterId + "-brand-kit.zip"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        OutputStream out = response.getOutputStream();
        StoredZip zip = new StoredZip(out);
        zip.add(kit.manifestEntry(), new ByteArrayInputStream(kit.manifest()));
        for (Kits.Item item : kit.items()) {
            try (InputStream content = files.open(item.file().fileId(), 0)) {
                zip.add(item.entry(), content);
            }
        }
        zip.finish();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(etag) || candidate.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
