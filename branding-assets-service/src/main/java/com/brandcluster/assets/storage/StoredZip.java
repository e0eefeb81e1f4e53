package com.brandcluster.assets.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A zip archive of STORED (uncompressed) entries written as a stream: each entry's size and CRC-32 are known before
 * its bytes, so every local header is complete and no data descriptor follows the data. The archive's length is then a
 * formula of the entries' name lengths and sizes ({@link #length}), which lets a response announce its exact
 * {@code Content-Length} before the first byte. Classic zip only: an archive beyond 4 GB (which would need zip64) or
 * with more than 65,535 entries is refused up front ({@link #fits}).
 *
 * <p>Written here rather than with {@link java.util.zip.ZipOutputStream}, whose headers (extra timestamp fields,
 * data descriptors) depend on the entry in ways that would make the announced length a guess.
 */
public final class StoredZip {

    /** The largest size and offset a classic zip header holds. */
    public static final long MAX_LENGTH = 0xFFFF_FFFFL;
    private static final int MAX_ENTRIES = 0xFFFF;
    private static final int LOCAL_HEADER = 30;
    private static final int CENTRAL_HEADER = 46;
    private static final int END_OF_CENTRAL_DIRECTORY = 22;
    /** Bit 11: the names are UTF-8. */
    private static final int UTF8_NAMES = 0x0800;
    private static final int VERSION = 10;
    private static final int BUFFER = 64 * 1024;

    /**
     * One entry: its name (a path inside the archive, unique), its size and CRC-32, and its modification time (kept in
     * the header's MS-DOS form, two-second precision, UTC).
     */
    public record Entry(String name, long size, long crc32, Instant modified) {

        byte[] nameBytes() {
            return name.getBytes(StandardCharsets.UTF_8);
        }
    }

    private final OutputStream out;
    private final List<Entry> written = new ArrayList<>();
    private final List<Long> offsets = new ArrayList<>();
    private long position;

    public StoredZip(OutputStream out) {
        this.out = out;
    }

    /** The exact length in bytes of the archive of these entries. */
    public static long length(List<Entry> entries) {
        long length = END_OF_CENTRAL_DIRECTORY;
        for (Entry entry : entries) {
            int name = entry.nameBytes().length;
            length += LOCAL_HEADER + name + entry.size() + CENTRAL_HEADER + name;
        }
        return length;
    }

    /** Whether a classic (non-zip64) archive holds these entries. */
    public static boolean fits(List<Entry> entries) {
        return entries.size() <= MAX_ENTRIES && length(entries) <= MAX_LENGTH;
    }

    /**
     * Writes the entry with exactly {@link Entry#size()} bytes of {@code content}. Bytes that do not match the entry's
     * CRC-32 or size fail the archive rather than leave a corrupt entry inside an apparently complete one.
     */
    public void add(Entry entry, InputStream content) throws IOException {
        offsets.add(position);
        written.add(entry);
        byte[] name = entry.nameBytes();
        Header local = new Header(LOCAL_HEADER + name.length);
        local.int32(0x04034b50).int16(VERSION).int16(UTF8_NAMES).int16(0).int32(dosTime(entry.modified()))
                .int32(entry.crc32()).int32(entry.size()).int32(entry.size()).int16(name.length).int16(0).bytes(name);
        write(local.bytes);
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[BUFFER];
        long remaining = entry.size();
        while (remaining > 0) {
            int read = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                throw new IOException("Zip entry " + entry.name() + " ended " + remaining + " bytes early");
            }
            crc.update(buffer, 0, read);
            out.write(buffer, 0, read);
            position += read;
            remaining -= read;
        }
        if (crc.getValue() != entry.crc32()) {
            throw new IOException("Zip entry " + entry.name() + " does not match its CRC-32");
        }
    }

    /** Writes the central directory and its end record. */
    public void finish() throws IOException {
        long directory = position;
        for (int i = 0; i < written.size(); i++) {
            Entry entry = written.get(i);
            byte[] name = entry.nameBytes();
            Header central = new Header(CENTRAL_HEADER + name.length);
            central.int32(0x02014b50).int16(VERSION).int16(VERSION).int16(UTF8_NAMES).int16(0)
                    .int32(dosTime(entry.modified())).int32(entry.crc32()).int32(entry.size()).int32(entry.size())
                    .int16(name.length).int16(0).int16(0).int16(0).int16(0).int32(0).int32(offsets.get(i))
                    .bytes(name);
            write(central.bytes);
        }
        Header end = new Header(END_OF_CENTRAL_DIRECTORY);
        end.int32(0x06054b50).int16(0).int16(0).int16(written.size()).int16(written.size())
                .int32(position - directory).int32(directory).int16(0);
        write(end.bytes);
        out.flush();
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        position += bytes.length;
    }

    /** MS-DOS date (high half) and time (low half); before 1980 it cannot say, so 1980-01-01. */
    private static long dosTime(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (t.getYear() < 1980) {
            return (1 << 21) | (1 << 16);
        }
        return ((long) (t.getYear() - 1980) << 25) | ((long) t.getMonthValue() << 21) | ((long) t.getDayOfMonth() << 16)
                | ((long) t.getHour() << 11) | ((long) t.getMinute() << 5) | (t.getSecond() / 2);
    }

    /** A header's bytes, little-endian as zip has them. */
    private static final class Header {

        private final byte[] bytes;
        private int at;

        Header(int length) {
            bytes = new byte[length];
        }

        Header int16(int value) {
            bytes[at++] = (byte) value;
            bytes[at++] = (byte) (value >>> 8);
            return this;
        }

        Header int32(long value) {
            int16((int) (value & 0xFFFF));
            return int16((int) ((value >>> 16) & 0xFFFF));
        }

        Header bytes(byte[] value) {
            System.arraycopy(value, 0, bytes, at, value.length);
            at += value.length;
            return this;
        }
    }
}
