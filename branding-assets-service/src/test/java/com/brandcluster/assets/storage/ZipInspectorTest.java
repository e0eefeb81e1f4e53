package com.brandcluster.assets.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ZipInspectorTest {

    private final ZipInspector inspector = new ZipInspector(
            new ZipInspector.ZipLimits(5, 8L * 1024 * 1024, 100, 64 * 1024));

    @Test
    void acceptsAnOrdinaryTemplate() throws IOException {
        assertThat(findings(TestFiles.template())).isEmpty();
    }

    @Test
    void refusesAZipBombByItsCompressionRatio() throws IOException {
        byte[] bomb = TestFiles.zipBomb(5);

        assertThat(findings(bomb)).containsExactly("a compression ratio above 100 to 1");
    }

    @Test
    void refusesMoreUnpackedBytesThanAllowedWhateverTheRatio() throws IOException {
        ZipInspector generous = new ZipInspector(new ZipInspector.ZipLimits(5, 1024 * 1024, 100_000, 0));

        assertThat(generous.findings(new ByteArrayInputStream(TestFiles.zipBomb(3)), 3000))
                .containsExactly("more than 1048576 bytes once unpacked");
    }

    @Test
    void refusesMoreEntriesThanAllowed() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            entries.put("slide-" + i + ".xml", new byte[] {'x'});
        }

        assertThat(findings(TestFiles.zip(entries))).containsExactly("more than 5 entries");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/cron.d/evil", "deck/../../evil.sh", "/etc/passwd", "C:/Windows/evil.dll",
            "deck\\..\\evil.bat"})
    void refusesEntryNamesThatEscapeTheFolder(String name) throws IOException {
        assertThat(findings(TestFiles.zip(Map.of(name, new byte[] {'x'}))))
                .singleElement().asString().startsWith("an entry whose name ").endsWith(name);
    }

    @Test
    void refusesBytesThatAreNoZipOrNoEntries() throws IOException {
        assertThat(findings(new byte[] {'P', 'K', 3, 4, 1, 2, 3})).isNotEmpty();
        assertThat(findings(TestFiles.zip(Map.of()))).containsExactly("no entries at all");
    }

    @Test
    void readsZipsInsideTheZipUpToTheNestingLimit() throws IOException {
        byte[] spreadsheet = TestFiles.zip(Map.of("xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8)));
        byte[] presentation = TestFiles.zip(Map.of("ppt/embeddings/sheet.xlsx", spreadsheet));
        byte[] templates = TestFiles.zip(Map.of("templates/deck.pptx", presentation));

        assertThat(findings(templates)).isEmpty();
        assertThat(findings(TestFiles.zip(Map.of("deeper.zip", templates))))
                .containsExactly("archives nested more than 2 deep: ppt/embeddings/sheet.xlsx");
    }

    @Test
    void countsTheBytesOfANestedBombAgainstTheLimits() throws IOException {
        byte[] nested = TestFiles.zip(Map.of("inner.zip", TestFiles.zipBomb(5)));

        assertThat(findings(nested)).containsExactly("a compression ratio above 100 to 1");
    }

    @Test
    void refusesAGigabyteOfZerosAfterReadingATenthOfIt() throws IOException {
        byte[] bomb = TestFiles.zeroBomb(1);
        ZipInspector defaults = new ZipInspector(new ZipInspector.ZipLimits(10_000, 2L * 1024 * 1024 * 1024, 100,
                1024 * 1024));
        long[] read = {0};
        InputStream counting = new FilterInputStream(new ByteArrayInputStream(bomb)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                read[0] += Math.max(n, 0);
                return n;
            }
        };

        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        assertThat(defaults.findings(counting, bomb.length)).containsExactly("a compression ratio above 100 to 1");
        assertThat(read[0]).isLessThan(bomb.length / 5);
    }

    private List<String> findings(byte[] zip) throws IOException {
        return inspector.findings(new ByteArrayInputStream(zip), zip.length);
    }
}
