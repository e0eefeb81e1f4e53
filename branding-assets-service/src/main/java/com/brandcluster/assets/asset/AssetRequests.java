package com.brandcluster.assets.asset;

import com.brandcluster.assets.access.AccessLevel;
import com.brandcluster.assets.storage.StoredFile;
import com.brandcluster.platform.web.DomainException;
import com.brandcluster.platform.web.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/** What clients send and receive. */
@NullMarked
final class AssetRequests {

    private AssetRequests() {
    }

    /**
     * The {@code metadata} part of an upload, and the editable form of an asset (a merge patch applies to it).
     *
     * @param minimumTierRank required for TIER access (the tier asset access rank it takes), absent otherwise
     */
    record AssetMetadata(@NotNull AssetKind kind,
                         @NotBlank @Size(max = 200) String title,
                         @Size(max = 4000) @Nullable String description,
                         @Size(max = 30) @Nullable List<@NotBlank @Size(max = 60) String> tags,
                         @NotNull AccessLevel accessLevel,
                         @Min(1) @Max(1000) @Nullable Integer minimumTierRank,
                         @Size(max = 4000) @Nullable String usageNotes) {

        static AssetMetadata of(AssetDetails details) {
            return new AssetMetadata(details.kind(), details.title(), details.description(), details.tags(),
                    details.accessLevel(), details.minimumTierRank(), details.usageNotes());
        }

        /** The details, with blank texts dropped and tags trimmed and each kept once. */
        AssetDetails details() {
            if (accessLevel == AccessLevel.TIER && minimumTierRank == null) {
                throw new InvalidRequestException("minimumTierRank", "is required for TIER access");
            }
            if (accessLevel != AccessLevel.TIER && minimumTierRank != null) {
                throw new InvalidRequestException("minimumTierRank", "is only allowed with TIER access");
            }
            List<String> cleanTags = tags == null ? List.of()
                    : List.copyOf(new LinkedHashSet<>(tags.stream().map(String::strip).toList()));
            return new AssetDetails(kind, title.strip(), blankToNull(description), cleanTags, accessLevel,
                    minimumTierRank, blankToNull(usageNotes));
        }

        private static @Nullable String blankToNull(@Nullable String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** 400 for fields that are each valid but do not fit together, or a value nothing can be found by. */
    static final class InvalidRequestException extends DomainException {

        InvalidRequestException(String field, String message) {
            super(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "The request has invalid fields.");
            withProperty(Problems.ERRORS, List.of(new Problems.FieldError(field, message)));
        }
    }

    /**
     * An asset as the caller may see it: the secretariat every version, everybody else the published ones only.
     *
     * @param status         PUBLISHED while a version is published, else RETIRED if one was, else DRAFT
     * @param currentVersion the highest-numbered published version; null while none is
     */
    record AssetView(String id, String clusterId, AssetKind kind, String title, @Nullable String description,
                     List<String> tags, AccessLevel accessLevel, @Nullable Integer minimumTierRank,
                     @Nullable String usageNotes, String status, @Nullable Integer currentVersion,
                     List<VersionView> versions, Instant createdAt, Instant updatedAt, long version) {

        static AssetView of(Asset asset, boolean allVersions) {
            AssetDetails d = asset.details();
            List<VersionView> versions = asset.versions().stream()
                    .filter(v -> allVersions || v.isPublished())
                    .map(v -> VersionView.of(asset.id(), v)).toList();
            return new AssetView(asset.id(), asset.clusterId(), d.kind(), d.title(), d.description(), d.tags(),
                    d.accessLevel(), d.minimumTierRank(), d.usageNotes(), status(asset),
                    asset.current().map(AssetVersion::number).orElse(null), versions, asset.createdAt(),
                    asset.updatedAt(), asset.version());
        }

        private static String status(Asset asset) {
            if (asset.isPublished()) {
                return AssetVersion.Status.PUBLISHED.name();
            }
            boolean retired = asset.versions().stream().anyMatch(v -> v.status() == AssetVersion.Status.RETIRED);
            return (retired ? AssetVersion.Status.RETIRED : AssetVersion.Status.DRAFT).name();
        }
    }

    /** @param content where the version's file is downloaded */
    record VersionView(int number, AssetVersion.Status status, String filename, String contentType, long size,
                       String sha256, @Nullable String notes, Instant uploadedAt, @Nullable Instant publishedAt,
                       @Nullable Instant retiredAt, String content) {

        static VersionView of(String assetId, AssetVersion version) {
            StoredFile file = version.file();
            return new VersionView(version.number(), version.status(), file.filename(), file.contentType(),
                    file.size(), file.sha256(), version.notes(), version.uploadedAt(), version.publishedAt(),
                    version.retiredAt(), "/api/assets/assets/" + assetId + "/content?version=" + version.number());
        }
    }
}
