package com.brandcluster.assets.download;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.PageView;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.NullMarked;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.function.Function;

@RestController
@Validated
@RequestMapping("/api/assets")
class DownloadController {

    private final DownloadReport report;

    DownloadController(DownloadReport report) {
        this.report = report;
    }

    /** Downloads per asset ({@code by=ASSET}), per member ({@code MEMBER}), or who uses an outdated version. */
    @GetMapping("/clusters/{clusterId}/downloads")
    @ApiResponse(responseCode = "200", description = "One page of the report's rows, of the kind 'by' names",
            content = @Content(schema = @Schema(implementation = ReportPage.class)))
    PageView<?> downloads(@PathVariable String clusterId,
                          @RequestParam(defaultValue = "ASSET") DownloadReport.By by,
                          @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                          Caller caller) {
        return PageView.of(report.report(clusterId, by, page, size, caller), Function.identity());
    }

    /** The shape of {@link #downloads}' answer (a {@link PageView} of the rows of one kind), for the API document. */
    @NullMarked
    record ReportPage(@ArraySchema(schema = @Schema(oneOf = {DownloadReport.AssetRow.class,
            DownloadReport.MemberRow.class, DownloadReport.OutdatedRow.class})) List<Object> content,
                      int page, int size, long totalElements, int totalPages) {
    }
}
