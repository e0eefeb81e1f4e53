package com.brandcluster.assets.asset;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

@NullMarked
final class ShareLinkRequests {

    private ShareLinkRequests() {
    }

    /**
     * @param version      a published version to share; none for whichever version is current at each download
     * @param maxDownloads none for no limit
     * @param note         for whom and why, so that the secretariat knows which link to revoke
     */
    record NewShareLink(@Min(1) @Nullable Integer version, @NotNull @Future Instant expiresAt,
                        @Min(1) @Nullable Integer maxDownloads, @NotBlank @Size(max = 500) String note) {
    }

    /** A link as its secretariat sees it; the token is not among it, it is known only when the link is created. */
    record ShareLinkView(String id, String assetId, @Nullable Integer version, Instant expiresAt,
                         @Nullable Integer maxDownloads, long downloads, String note, ShareLink.State state,
                         String createdBy, Instant createdAt, @Nullable Instant revokedAt,
                         @Nullable String revokedBy) {

        static ShareLinkView of(ShareLink link, Instant now) {
            return new ShareLinkView(link.id(), link.assetId(), link.version(), link.expiresAt(), link.maxDownloads(),
                    link.downloads(), link.note(), link.stateAt(now), link.createdBy(), link.createdAt(),
                    link.revokedAt(), link.revokedBy());
        }
    }

    /** The new link: {@code url} is the only place its token is ever shown. */
    record CreatedShareLink(String id, String url, ShareLinkView link) {
    }
}
