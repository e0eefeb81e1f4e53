package com.brandcluster.assets.storage;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Download names: the uploaded name made harmless (no folders, no control or quoting characters, bounded length),
 * always ending in the extension of the file's real type, and written into {@code Content-Disposition} as RFC 6266
 * asks: an ASCII {@code filename} for old clients and, when the name is not plain ASCII, {@code filename*} in UTF-8.
 */
public final class Filenames {

    private static final int MAX_LENGTH = 120;

    private Filenames() {
    }

    /** The name a file of this type, uploaded as {@code original}, is downloaded under. */
    static String safe(String original, FileType type) {
        String name = original == null ? "" : original;
        // browsers and tools send paths (C:\fakepath\logo.png, ../../logo.png): keep the last segment
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}\"*:<>?|;]", "")
                .replaceAll("\\s+", " ")
                .strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        String base = name;
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            base = name.substring(0, dot);
        }
        base = base.strip();
        if (base.isEmpty()) {
            base = "asset";
        }
        int maxBase = MAX_LENGTH - type.extension().length() - 1;
        if (base.codePointCount(0, base.length()) > maxBase) {
            base = base.substring(0, base.offsetByCodePoints(0, maxBase)).strip();
        }
        return base + "." + type.extension();
    }

    /** {@code attachment} with the name, as RFC 6266 and RFC 8187 write it. */
    public static String attachment(String filename) {
        StringBuilder ascii = new StringBuilder();
        boolean plain = true;
        for (int i = 0; i < filename.length(); i++) {
            char c = filename.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\' || c == '%') {
                plain = false;
                ascii.append('_');
            } else {
                ascii.append(c);
            }
        }
        String header = "attachment; filename=\"" + ascii + "\"";
        return plain ? header : header + "; filename*=UTF-8''" + percentEncode(filename);
    }

    /** RFC 8187 {@code value-chars}: attr-char as it is, every other byte of the UTF-8 form as %XX. */
    private static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return encoded.toString();
    }
}
