package com.brandcluster.assets.badge;

import com.brandcluster.assets.access.Entitlements;
import com.brandcluster.platform.membership.ClusterTiers;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.membership.MembershipLookup;
import com.brandcluster.platform.membership.Standing;
import com.brandcluster.platform.security.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.NullMarked;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

@RestController
@Validated
@RequestMapping("/api/assets")
class BadgeController {

    static final String LICENCES_PATH = "/api/assets/licences/";
    private static final MediaType SVG = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);

    private final Entitlements entitlements;
    private final MembershipLookup membership;
    private final ClusterTiers tiers;
    private final Licences licences;
    private final BadgeRenderer renderer;

    BadgeController(Entitlements entitlements, MembershipLookup membership, ClusterTiers tiers, Licences licences,
                    BadgeRenderer renderer) {
        this.entitlements = entitlements;
        this.membership = membership;
        this.tiers = tiers;
        this.licences = licences;
        this.renderer = renderer;
    }

    /**
     * The caller's enterprise's badge, for members in good standing only (403 saying why for a suspended, lapsed or
     * ended membership); its licence is issued with the first badge and reused for every later one.
     */
    @GetMapping("/clusters/{clusterId}/badge")
    @ApiResponse(responseCode = "200", description = "The badge image",
            content = {@Content(mediaType = "image/svg+xml", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<byte[]> badge(@PathVariable String clusterId,
                                 @RequestParam(defaultValue = "svg") @Pattern(regexp = "svg|png") String format,
                                 Caller caller) {
        BadgeHolder holder = holder(entitlements.of(clusterId, caller).requireGoodStanding());
        Licence licence = licences.issueFor(holder);
        String checkUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path(LICENCES_PATH + licence.id())
                .toUriString();
        Badge badge = new Badge(tiers.name(clusterId).orElse(clusterId), holder.enterpriseName(),
                holder.memberNumber(), licence.id(), checkUrl);
        boolean png = format.equals("png");
        return ResponseEntity.ok()
                .contentType(png ? MediaType.IMAGE_PNG : SVG)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("member-badge-" + holder.memberNumber() + "." + format).build().toString())
                // the badge is only for the member while it is one: never kept by a shared cache
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.LINK, "<" + checkUrl + ">; rel=\"license\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(png ? renderer.png(badge) : renderer.svg(badge));
    }

    /**
     * The member with its legal name and member number: from the projection, or, when it has heard of the membership
     * only from events that do not carry them, from membership-service (503 when neither can tell).
     */
    private BadgeHolder holder(MemberStanding standing) {
        if (standing.enterpriseName() != null && standing.memberNumber() != null) {
            return new BadgeHolder(standing.clusterId(), standing.enterpriseId(), standing.enterpriseName(),
                    standing.memberNumber());
        }
        Standing remote = membership.standingWithDetailsOf(standing.clusterId(), standing.enterpriseId())
                .filter(Standing::hasMemberDetails)
                .orElseThrow(() -> new MemberDetailsUnavailableException(standing.clusterId()));
        return new BadgeHolder(standing.clusterId(), standing.enterpriseId(), remote.enterpriseName(),
                remote.memberNumber());
    }

    /** Whether a licence is valid now, and for whom: the anti-counterfeiting check a buyer's QR scan opens. */
    @GetMapping("/licences/{licenceId}")
    ResponseEntity<LicenceView> licence(@PathVariable String licenceId) {
        // the answer changes with the membership: a cached VALID would outlive a suspension
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(LicenceView.of(licences.check(licenceId)));
    }

    /** A licence is issued only once the member's name and number are known ({@link #holder}): none is null. */
    @NullMarked
    record LicenceView(String licenceId, LicenceStatus status, String clusterId, String enterpriseName,
                       String memberNumber, Instant issuedAt, Instant checkedAt) {

        static LicenceView of(Licences.Check check) {
            Licence licence = check.licence();
            return new LicenceView(licence.id(), check.status(), licence.clusterId(), licence.enterpriseName(),
                    licence.memberNumber(), licence.issuedAt(), check.checkedAt());
        }
    }
}
