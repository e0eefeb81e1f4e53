package com.brandcluster.assets.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
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

    private List<String> findings(byte[] zip) throws IOException {
        return inspector.findings(new ByteArrayInputStream(zip), zip.length);
    }
}
