package com.brandcluster.assets.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredZipTest {

    private static final Instant MODIFIED = Instant.parse("2026-03-14T09:26:54Z");

    @Test
    void writesStoredEntriesOfExactlyTheAnnouncedLengthThatZipReadersRead(@TempDir Path dir)
            throws IOException {
        byte[] logo = TestFiles.png(70_000);
        byte[] guide = "Keep the mark clear".getBytes(StandardCharsets.UTF_8);
        List<StoredZip.Entry> entries = List.of(entry("品牌标志.png", logo), entry("guide.txt", guide),
                entry("empty.txt", new byte[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StoredZip zip = new StoredZip(out);
        zip.add(entries.get(0), new ByteArrayInputStream(logo));
        zip.add(entries.get(1), new ByteArrayInputStream(guide));
        zip.add(entries.get(2), new ByteArrayInputStream(new byte[0]));
        zip.finish();

        assertThat((long) out.size()).isEqualTo(StoredZip.length(entries));
        Path file = Files.write(dir.resolve("kit.zip"), out.toByteArray());
        try (ZipFile read = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            List<? extends ZipEntry> all = Collections.list(read.entries());
            assertThat(all).extracting(ZipEntry::getName).containsExactly("品牌标志.png", "guide.txt", "empty.txt");
            assertThat(all).allSatisfy(e -> assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED));
            assertThat(read.getInputStream(read.getEntry("品牌标志.png")).readAllBytes()).isEqualTo(logo);
            assertThat(read.getEntry("guide.txt").getCrc()).isEqualTo(crc(guide));
            assertThat(read.getEntry("guide.txt").getLastModifiedTime().toInstant()).isEqualTo(MODIFIED);
        }
        try (ZipInputStream stream = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            ZipEntry first = stream.getNextEntry();
            assertThat(first.getName()).isEqualTo("品牌标志.png");
            assertThat(first.getSize()).isEqualTo(logo.length);
            assertThat(stream.readAllBytes()).isEqualTo(logo);
        }
    }

    @Test
    void failsRatherThanWriteBytesThatContradictTheEntrysCrcOrSize() {
        byte[] bytes = TestFiles.png(100);
        StoredZip zip = new StoredZip(new ByteArrayOutputStream());
        assertThatThrownBy(() -> zip.add(new StoredZip.Entry("a.png", bytes.length, crc(bytes) ^ 1, MODIFIED),
                new ByteArrayInputStream(bytes))).isInstanceOf(IOException.class).hasMessageContaining("CRC-32");
        assertThatThrownBy(() -> zip.add(new StoredZip.Entry("b.png", bytes.length + 1, crc(bytes), MODIFIED),
                new ByteArrayInputStream(bytes))).isInstanceOf(IOException.class).hasMessageContaining("early");
    }

    @Test
    void holdsUpTo4GbAndNoMore() {
        List<StoredZip.Entry> entries = new ArrayList<>(List.of(new StoredZip.Entry("a.bin", 3_000_000_000L, 0,
                MODIFIED)));
        assertThat(StoredZip.fits(entries)).isTrue();
        entries.add(new StoredZip.Entry("b.bin", 1_300_000_000L, 0, MODIFIED));
        assertThat(StoredZip.length(entries)).isGreaterThan(StoredZip.MAX_LENGTH);
        assertThat(StoredZip.fits(entries)).isFalse();
    }

    private static StoredZip.Entry entry(String name, byte[] bytes) {
        return new StoredZip.Entry(name, bytes.length, crc(bytes), MODIFIED);
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
