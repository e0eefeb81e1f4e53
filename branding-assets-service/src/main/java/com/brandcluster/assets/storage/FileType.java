package com.brandcluster.assets.storage;

import java.util.Locale;
import java.util.Set;

/**
 * The kinds of file a brand asset may be, as recognised from their bytes. Each has the content type it is stored and
 * served with, the extension its download name gets, and the other names clients commonly declare it under.
 */
public enum FileType {

    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "image/pjpeg"),
    PDF("application/pdf", "pdf", "application/x-pdf"),
    SVG("image/svg+xml", "svg", "application/xml", "text/xml"),
    /** Templates: a plain zip, or an office or design package built on zip (.potx, .dotx, .idml...). */
    ZIP("application/zip", "zip", "application/x-zip-compressed", "application/x-zip",
            "application/vnd.openxmlformats-officedocument.*", "application/vnd.oasis.opendocument.*",
            "application/vnd.adobe.indesign-idml-package"),
    TTF("font/ttf", "ttf", "application/x-font-ttf", "application/x-font-truetype", "application/font-sfnt",
            "font/sfnt"),
    OTF("font/otf", "otf", "application/x-font-otf", "application/vnd.ms-opentype", "font/sfnt"),
    WOFF("font/woff", "woff", "application/font-woff", "application/x-font-woff"),
    WOFF2("font/woff2", "woff2", "application/font-woff2");

    /** Declarations that say nothing about the content: they never contradict it. */
    private static final Set<String> UNSPECIFIC = Set.of("application/octet-stream", "binary/octet-stream",
            "application/unknown");

    private final String contentType;
    private final String extension;
    private final Set<String> aliases;

    FileType(String contentType, String extension, String... aliases) {
        this.contentType = contentType;
        this.extension = extension;
        this.aliases = Set.of(aliases);
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /**
     * Whether a client's declared content type (parameters such as {@code charset} ignored) is compatible with this
     * type: absent or unspecific, the type itself, or one of its aliases ({@code *} ends a prefix).
     */
    public boolean isDeclaredAs(String declared) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String type = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty() || UNSPECIFIC.contains(type) || type.equals(contentType)) {
            return true;
        }
        for (String alias : aliases) {
            if (alias.endsWith("*") ? type.startsWith(alias.substring(0, alias.length() - 1)) : type.equals(alias)) {
                return true;
            }
        }
        return false;
    }
}
