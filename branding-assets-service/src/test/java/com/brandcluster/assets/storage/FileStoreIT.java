package com.brandcluster.assets.storage;

import com.brandcluster.assets.AssetsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file far larger than any buffer goes into GridFS and comes back as streams: its SHA-256 and size are computed on
 * the way in, and it is read back whole and from an offset deep inside it. At 64 MB it is also above the size at which
 * an unbatched GridFS read fails on mongo-java-server.
 */
class FileStoreIT extends AssetsIntegrationTest {

    private static final long SIZE = 64L * 1024 * 1024 + 12_345;

    @Autowired
    private FileStore files;

    @Test
    void storesAndReadsALargeFileAsStreams() throws Exception {
        StoredFile stored = files.store(new Pattern(0, SIZE), "large.pdf", FileType.PDF, Long.MAX_VALUE);
        try {
            assertThat(stored.size()).isEqualTo(SIZE);
            assertThat(stored.contentType()).isEqualTo("application/pdf");
            assertThat(stored.sha256()).isEqualTo(sha256(new Pattern(0, SIZE)));

            try (InputStream whole = files.open(stored.fileId(), 0)) {
                assertThat(sha256(whole)).isEqualTo(stored.sha256());
            }
            long offset = 50L * 1024 * 1024 + 77;
            try (InputStream tail = files.open(stored.fileId(), offset)) {
                assertThat(tail.readNBytes(100_000)).isEqualTo(new Pattern(offset, offset + 100_000).readAllBytes());
            }
        } finally {
            files.delete(stored.fileId());
        }
    }

    @Test
    void removesWhatItWroteWhenTheFileTurnsOutTooLarge() {
        Stored before = stored();

        assertThatThrownBy(() ->
                        files.store(new Pattern(0, 3_000_000), "large.pdf", FileType.PDF, 1_000_000))
                .isInstanceOf(UploadRefusedException.class);

        assertThat(stored()).isEqualTo(before);
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) > 0) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Bytes {@code from} to {@code to} of an endless known pattern, generated as they are read. */
    private static final class Pattern extends InputStream {

        private long position;
        private final long end;

        Pattern(long from, long to) {
            this.position = from;
            this.end = to;
        }

        @Override
        public int read() {
            return position < end ? value(position++) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = (int) Math.min(length, end - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) value(position++);
            }
            return n;
        }

        private static int value(long position) {
            return (int) ((position * 31 + (position >>> 11)) & 0xFF);
        }
    }
}
