package com.brandcluster.assets.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads every entry of a zip template as a stream and refuses what would harm whoever unpacks it: a zip bomb (more
 * entries than allowed, more bytes once unpacked than allowed, or a ratio of unpacked to packed size beyond the
 * limit) and entry names that escape the folder they are unpacked into (absolute paths, drive letters, {@code ..}
 * segments, backslashes). The sizes are counted on the bytes actually inflated, never taken from the entry headers
 * (which a crafted zip can fake), and inflating stops as soon as a limit is passed, so a bomb never costs more than
 * the limit.
 */
final class ZipInspector {

    private final ZipLimits limits;

    ZipInspector(ZipLimits limits) {
        this.limits = limits;
    }

    /**
     * The findings for the zip in {@code zip}, whose packed size is {@code packedSize}; empty if it is safe.
     *
     * @throws IOException only when the stream cannot be read; a corrupt zip is a finding
     */
    List<String> findings(InputStream zip, long packedSize) throws IOException {
        List<String> findings = new ArrayList<>();
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[16 * 1024];
        try (ZipInputStream in = new ZipInputStream(zip)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    findings.add("more than " + limits.maxEntries() + " entries");
                    return findings;
                }
                String unsafeName = unsafeName(entry.getName());
                if (unsafeName != null) {
                    findings.add("an entry whose name " + unsafeName + ": " + shorten(entry.getName()));
                    return findings;
                }
                int read;
                while ((read = in.read(buffer)) > 0) {
                    unpacked += read;
                    if (unpacked > limits.maxUnpackedBytes()) {
                        findings.add("more than " + limits.maxUnpackedBytes() + " bytes once unpacked");
                        return findings;
                    }
                    if (unpacked > limits.ratioAllowance() && unpacked > packedSize * limits.maxRatio()) {
                        findings.add("a compression ratio above " + limits.maxRatio() + " to 1");
                        return findings;
                    }
                }
            }
        } catch (java.util.zip.ZipException | IllegalArgumentException corrupt) {
            // IllegalArgumentException: ZipInputStream's answer to an entry name that is not valid in its charset
            findings.add("a corrupt or unreadable zip structure");
            return findings;
        }
        if (entries == 0) {
            findings.add("no entries at all");
        }
        return findings;
    }

    /** Why an entry name would escape the target folder, or null if it stays inside it. */
    private static String unsafeName(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.indexOf('\\') >= 0) {
            return "contains a backslash";
        }
        if (name.startsWith("/")) {
            return "is an absolute path";
        }
        if (name.length() > 1 && name.charAt(1) == ':') {
            return "starts with a drive letter";
        }
        if (name.chars().anyMatch(c -> c < 0x20)) {
            return "contains control characters";
        }
        for (String segment : name.toLowerCase(Locale.ROOT).split("/")) {
            if (segment.equals("..")) {
                return "climbs out of the folder";
            }
        }
        return null;
    }

    private static String shorten(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 77) + "...";
    }

    /**
     * @param maxEntries       the most entries a zip may have
     * @param maxUnpackedBytes the most bytes all entries together may unpack to
     * @param maxRatio         the most bytes unpacked per byte of the zip file
     * @param ratioAllowance   unpacked bytes below which the ratio is not checked (tiny zips of text compress well)
     */
    record ZipLimits(int maxEntries, long maxUnpackedBytes, int maxRatio, long ratioAllowance) {
    }
}
