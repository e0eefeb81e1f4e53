package com.brandcluster.assets.asset;

import com.brandcluster.assets.storage.StoredFile;
import com.brandcluster.platform.web.ConflictException;

import java.time.Instant;

/** One version of an asset's file: DRAFT when uploaded, then PUBLISHED, then RETIRED. */
final class AssetVersion {

    public enum Status { DRAFT, PUBLISHED, RETIRED }

    private int number;
    private Status status;
    private StoredFile file;
    private String notes;
    private String uploadedBy;
    private Instant uploadedAt;
    private Instant publishedAt;
    private Instant retiredAt;

    AssetVersion() {
    }

    static AssetVersion draft(int number, StoredFile file, String notes, String by, Instant now) {
        AssetVersion version = new AssetVersion();
        version.number = number;
        version.status = Status.DRAFT;
        version.file = file;
        version.notes = notes;
        version.uploadedBy = by;
        version.uploadedAt = now;
        return version;
    }

    void publish(Instant now) {
        if (status != Status.DRAFT) {
            throw illegal("published");
        }
        status = Status.PUBLISHED;
        publishedAt = now;
    }

    void retire(Instant now) {
        if (status != Status.PUBLISHED) {
            throw illegal("retired");
        }
        status = Status.RETIRED;
        retiredAt = now;
    }

    private ConflictException illegal(String wanted) {
        return new ConflictException("asset-version-state", "Version in another state",
                "Version " + number + " is " + status + "; it cannot be " + wanted + ".")
                .withCurrentState(status.name());
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    public int number() {
        return number;
    }

    public Status status() {
        return status;
    }

    public StoredFile file() {
        return file;
    }

    public String notes() {
        return notes;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }
}
