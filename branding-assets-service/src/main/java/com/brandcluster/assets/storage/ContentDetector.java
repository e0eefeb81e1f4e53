package com.brandcluster.assets.storage;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    /** Magic numbers, in the order they are tried. */
    private static final List<Map.Entry<byte[], FileType>> SIGNATURES = List.of(
            Map.entry(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, FileType.PNG),
            Map.entry(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, FileType.JPEG),
            Map.entry(ascii("%PDF-"), FileType.PDF),
            Map.entry(new byte[] {'P', 'K', 3, 4}, FileType.ZIP),
            Map.entry(ascii("wOFF"), FileType.WOFF),
            Map.entry(ascii("wOF2"), FileType.WOFF2),
            Map.entry(ascii("OTTO"), FileType.OTF));
    /** The sfnt versions of TrueType (0x00010000, and Apple's "true"). */
    private static final List<byte[]> TRUETYPE = List.of(new byte[] {0, 1, 0, 0}, ascii("true"));
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ContentDetector() {
    }

    /** The type of a file that starts with these bytes (the whole file if it is shorter than {@link #HEAD_LENGTH}). */
    static Optional<FileType> detect(byte[] head) {
        for (Map.Entry<byte[], FileType> signature : SIGNATURES) {
            if (startsWith(head, signature.getKey())) {
                return Optional.of(signature.getValue());
            }
        }
        // the sfnt version of TrueType is 0x00010000, too common a start to trust alone: the table count must follow
        if (TRUETYPE.stream().anyMatch(version -> startsWith(head, version)) && hasSfntTables(head)) {
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

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
