package com.brandcluster.assets.storage;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises a file's type from its first bytes, never from the name or the content type a client declares: the magic
 * numbers of PNG, JPEG, PDF, zip and the font formats; SVG by parsing the start of the document as XML (with the
 * hardened parser of {@link SafeXml}) up to its root element, which must be {@code svg}. Anything else (HTML, scripts,
 * executables, an SVG behind a DOCTYPE) is not recognised.
 */
final class ContentDetector {

    /** How many leading bytes {@link #detect} needs at most: enough for an XML prolog with a long comment. */
    static final int HEAD_LENGTH = 8192;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] WOFF = "wOFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WOFF2 = "wOF2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTF = "OTTO".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TTF = {0, 1, 0, 0};
    private static final byte[] TTF_APPLE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ContentDetector() {
    }

    /** The type of a file that starts with these bytes (the whole file if it is shorter than {@link #HEAD_LENGTH}). */
    static Optional<FileType> detect(byte[] head) {
        if (startsWith(head, PNG)) {
            return Optional.of(FileType.PNG);
        }
        if (startsWith(head, JPEG)) {
            return Optional.of(FileType.JPEG);
        }
        if (startsWith(head, PDF)) {
            return Optional.of(FileType.PDF);
        }
        if (startsWith(head, ZIP)) {
            return Optional.of(FileType.ZIP);
        }
        if (startsWith(head, WOFF)) {
            return Optional.of(FileType.WOFF);
        }
        if (startsWith(head, WOFF2)) {
            return Optional.of(FileType.WOFF2);
        }
        if (startsWith(head, OTF)) {
            return Optional.of(FileType.OTF);
        }
        // the sfnt version of TrueType is 0x00010000, too common a start to trust alone: the table count must follow
        if ((startsWith(head, TTF) || startsWith(head, TTF_APPLE)) && hasSfntTables(head)) {
            return Optional.of(FileType.TTF);
        }
        return isSvg(head) ? Optional.of(FileType.SVG) : Optional.empty();
    }

    private static boolean hasSfntTables(byte[] head) {
        if (head.length < 12) {
            return false;
        }
        int tables = ((head[4] & 0xFF) << 8) | (head[5] & 0xFF);
        return tables > 0 && tables < 100;
    }

    /** XML (after an optional byte order mark and prolog) whose root element is {@code svg}. */
    private static boolean isSvg(byte[] head) {
        int start = startsWith(head, UTF8_BOM) ? UTF8_BOM.length : 0;
        while (start < head.length && Character.isWhitespace(head[start])) {
            start++;
        }
        if (start >= head.length || head[start] != '<') {
            return false;
        }
        XMLStreamReader reader = null;
        try {
            reader = SafeXml.reader(new ByteArrayInputStream(head));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    return false;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return "svg".equals(reader.getLocalName());
                }
            }
            return false;
        } catch (XMLStreamException notXml) {
            return false;
        } finally {
            SafeXml.close(reader);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
