package com.brandcluster.assets.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code brandcluster.assets.*}: what an uploaded file may be.
 *
 * @param maxFileSize the largest file accepted; larger ones get 413. Keep Spring's multipart limits and
 *                    {@code brandcluster.web.max-request-bytes-by-path} for the upload paths a little above it.
 * @param zip         the limits a zip template must stay within once unpacked
 */
@ConfigurationProperties("brandcluster.assets")
record StorageProperties(@DefaultValue("200MB") DataSize maxFileSize, @DefaultValue Zip zip) {

    /**
     * @param maxEntries      the most entries a zip may have; default 10000
     * @param maxUnpackedSize the most all its entries may unpack to; default 2GB
     * @param maxRatio        the most bytes unpacked per byte of the zip; default 100
     * @param ratioAllowance  unpacked bytes below which the ratio is not checked; default 1MB
     */
    record Zip(@DefaultValue("10000") int maxEntries, @DefaultValue("2GB") DataSize maxUnpackedSize,
               @DefaultValue("100") int maxRatio, @DefaultValue("1MB") DataSize ratioAllowance) {

        ZipInspector.ZipLimits limits() {
            return new ZipInspector.ZipLimits(maxEntries, maxUnpackedSize.toBytes(), maxRatio,
                    ratioAllowance.toBytes());
        }
    }
}
