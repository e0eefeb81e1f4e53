package com.brandcluster.assets.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
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
 * the limit. Zips inside the zip are read the same way and count against the same limits, up to
 * {@link #MAX_NESTING} levels.
 */
final class ZipInspector {

    /**
     * How deep zips may nest inside the uploaded one: a zip of templates may hold an office package (a zip) that
     * embeds a spreadsheet (another zip); anything deeper, such as a recursive bomb of zips of zips, is refused.
     */
    static final int MAX_NESTING = 2;

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

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
        Unpacked unpacked = new Unpacked(packedSize);
        try {
            inspect(new ZipInputStream(zip), 0, unpacked, findings);
        } catch (java.util.zip.ZipException | IllegalArgumentException corrupt) {
            // IllegalArgumentException: ZipInputStream's answer to an entry name that is not valid in its charset
            findings.add("a corrupt or unreadable zip structure");
            return findings;
        }
        if (findings.isEmpty() && unpacked.entries == 0) {
            findings.add("no entries at all");
        }
        return findings;
    }

    /**
     * Reads the entries of {@code in} until the first finding. An entry that is a zip itself (an office package
     * embedding a spreadsheet) is read as one, its entries and bytes counted with the outer ones, as an unpacker that
     * opens nested archives would write them; a zip nested deeper than {@link #MAX_NESTING} is a finding.
     */
    private void inspect(ZipInputStream in, int depth, Unpacked unpacked, List<String> findings) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        ZipEntry entry;
        while ((entry = in.getNextEntry()) != null) {
            if (++unpacked.entries > limits.maxEntries()) {
                findings.add("more than " + limits.maxEntries() + " entries");
                return;
            }
            String unsafeName = unsafeName(entry.getName());
            if (unsafeName != null) {
                findings.add("an entry whose name " + unsafeName + ": " + shorten(entry.getName()));
                return;
            }
            PushbackInputStream content = new PushbackInputStream(in, ZIP_MAGIC.length);
            byte[] start = content.readNBytes(ZIP_MAGIC.length);
            content.unread(start);
            if (java.util.Arrays.equals(start, ZIP_MAGIC)) {
                if (depth >= MAX_NESTING) {
                    findings.add("archives nested more than " + MAX_NESTING + " deep: " + shorten(entry.getName()));
                    return;
                }
                inspect(new ZipInputStream(content), depth + 1, unpacked, findings);
                if (!findings.isEmpty()) {
                    return;
                }
            }
            int read;
            while ((read = content.read(buffer)) > 0) {
                if (!unpacked.add(read, limits, findings)) {
                    return;
                }
            }
        }
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

    /** Entries and bytes unpacked so far, nested archives included, checked against the limits as they grow. */
    private static final class Unpacked {

        private final long packedSize;
        private int entries;
        private long bytes;

        Unpacked(long packedSize) {
            this.packedSize = packedSize;
        }

        /** Counts {@code n} more bytes; false (with the finding added) once a limit is passed. */
        boolean add(int n, ZipLimits limits, List<String> findings) {
            bytes += n;
            if (bytes > limits.maxUnpackedBytes()) {
                findings.add("more than " + limits.maxUnpackedBytes() + " bytes once unpacked");
                return false;
            }
            if (bytes > limits.ratioAllowance() && bytes > packedSize * limits.maxRatio()) {
                findings.add("a compression ratio above " + limits.maxRatio() + " to 1");
                return false;
            }
            return true;
        }
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
