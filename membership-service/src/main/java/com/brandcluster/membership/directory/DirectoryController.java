package com.brandcluster.membership.directory;

import com.brandcluster.membership.membership.Membership;
import com.brandcluster.membership.standard.ValidStandardCode;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.PageView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class DirectoryController {

    static final int MAX_PAGE_SIZE = 100;

    private final Directory directory;

    /**
     * Search text: anything but control characters (a NUL cannot even be sent to MongoDB); written as a range, so the
     * pattern means the same in the OpenAPI document's (ECMAScript) regular expressions.
     */
    private static final String TEXT = "[^\\x00-\\x1F\\x7F]*";
    private static final String NO_CONTROL = "must not contain control characters";

    DirectoryController(Directory directory) {
        this.directory = directory;
    }

    /**
     * The members of a cluster, for anyone; what each caller sees depends on who they are ({@link Directory}).
     * {@code sort} is {@code name}, {@code memberNumber} or {@code admittedAt}, optionally followed by
     * {@code ,asc} or {@code ,desc}.
     */
    @GetMapping("/api/membership/clusters/{clusterId}/members")
    PageView<DirectoryEntry> members(@PathVariable String clusterId,
                                     @RequestParam(required = false) @Size(max = 100)
                                     @Pattern(regexp = TEXT, message = NO_CONTROL) String q,
                                     @RequestParam(required = false) @Size(max = 100)
                                     @Pattern(regexp = TEXT, message = NO_CONTROL) String industry,
                                     @RequestParam(required = false) @Size(max = 100)
                                     @Pattern(regexp = TEXT, message = NO_CONTROL) String region,
                                     @RequestParam(required = false)
                                     @Pattern(regexp = "[a-z][a-z0-9-]{1,29}", message = "must be a tier code") String tier,
                                     @RequestParam(required = false) @ValidStandardCode String standard,
                                     @RequestParam(required = false) Membership.Status status,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size,
                                     @RequestParam(required = false) String sort,
                                     Caller caller) {
        DirectoryQuery query = new DirectoryQuery(q, industry, region, tier, standard, status, page, size,
                DirectorySort.parse(sort));
        return directory.search(clusterId, query, caller);
    }
}
