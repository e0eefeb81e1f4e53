package com.brandcluster.assets.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real files of each accepted type, and the usual suspects among the refused ones. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A PNG signature and IHDR chunk followed by {@code length} bytes of a known pattern. */
    public static byte[] png(int length) {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] bytes = new byte[header.length + length];
        System.arraycopy(header, 0, bytes, 0, header.length);
        for (int i = header.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    public static byte[] jpeg() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
    }

    public static byte[] pdf() {
        return "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] svg() {
        return svg("<circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"#e60012\"/>");
    }

    /** An SVG document with this content inside its root element. */
    public static byte[] svg(String content) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- China Lighting Brand Cluster mark -->\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "viewBox=\"0 0 100 100\">" + content + "</svg>\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] html() {
        return "<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A TrueType header: sfnt version 1.0 and 10 tables. */
    public static byte[] ttf() {
        return new byte[] {0, 1, 0, 0, 0, 10, 0, (byte) 0x80, 0, 3, 0, 0x20, 'c', 'm', 'a', 'p'};
    }

    public static byte[] woff2() {
        return new byte[] {'w', 'O', 'F', '2', 0, 1, 0, 0, 0, 0, 0x10, 0};
    }

    /** A zip with these entries (name to content). */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A template: a few files of a slide deck. */
    public static byte[] template() {
        return zip(Map.of("deck/slide-master.xml", "<master/>".getBytes(StandardCharsets.UTF_8),
                "deck/fonts/readme.txt", "Use the cluster fonts.".getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A zip bomb of one entry that inflates to {@code gigabytes} GB of zeros, in about a thousandth of that, built in
     * milliseconds: after the first megabyte, deflating a megabyte of zeros (with a sync flush) gives the same bytes
     * every time, so they are written again instead of computed. The entry's sizes and CRC-32 come after its data
     * (a data descriptor), as a streaming zip writer leaves them.
     */
    public static byte[] zeroBomb(int gigabytes) {
        byte[] zeros = new byte[1024 * 1024];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] first = deflate(deflater, zeros);
        byte[] repeated = deflate(deflater, zeros);
        if (!Arrays.equals(repeated, deflate(deflater, zeros))) {
            throw new IllegalStateException("deflating zeros did not settle into a repeating block");
        }
        deflater.finish();
        byte[] last = deflate(deflater, new byte[0]);
        deflater.end();
        long megabytes = gigabytes * 1024L;
        CRC32 crc = new CRC32();
        for (long i = 0; i < megabytes; i++) {
            crc.update(zeros);
        }
        byte[] name = "template/background.bmp".getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocate(30 + name.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0008).putShort((short) 8)
                .putInt(0).putInt(0).putInt(0).putInt(0).putShort((short) name.length).putShort((short) 0).put(name);
        long packed = first.length + repeated.length * (megabytes - 1) + last.length;
        ByteBuffer descriptor = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0x08074b50).putInt((int) crc.getValue()).putInt((int) packed)
                .putInt((int) (megabytes * zeros.length));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) packed + 128);
        bytes.writeBytes(header.array());
        bytes.writeBytes(first);
        for (long i = 1; i < megabytes; i++) {
            bytes.writeBytes(repeated);
        }
        bytes.writeBytes(last);
        bytes.writeBytes(descriptor.array());
        return bytes.toByteArray();
    }

    /** What the deflater writes for {@code input}, flushed to a byte boundary (or, once finished, to the end). */
    private static byte[] deflate(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        if (deflater.finished() || input.length == 0) {
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        }
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    /** A zip bomb: one entry of {@code megabytes} MB of zeros, which deflate to about a thousandth of that. */
    public static byte[] zipBomb(int megabytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("template/background.bmp"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
