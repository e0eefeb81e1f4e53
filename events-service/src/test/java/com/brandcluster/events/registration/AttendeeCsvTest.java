package com.brandcluster.events.registration;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttendeeCsvTest {

    @Test
    void plainCellsStayAsTheyAreAndAnEmptyOrMissingCellIsEmpty() {
        assertThat(AttendeeCsv.cell("Li Ming")).isEqualTo("Li Ming");
        assertThat(AttendeeCsv.cell("欧泊照明")).isEqualTo("欧泊照明");
        assertThat(AttendeeCsv.cell("")).isEmpty();
        assertThat(AttendeeCsv.cell(null)).isEmpty();
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuotedWithInnerQuotesDoubled() {
        assertThat(AttendeeCsv.cell("Opal Lighting Co., Ltd.")).isEqualTo("\"Opal Lighting Co., Ltd.\"");
        assertThat(AttendeeCsv.cell("Li \"Mike\" Ming")).isEqualTo("\"Li \"\"Mike\"\" Ming\"");
        assertThat(AttendeeCsv.cell("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(AttendeeCsv.cell("a\rb")).isEqualTo("\"a\rb\"");
    }

    @Test
    void aCellASpreadsheetWouldTakeForAFormulaIsPrefixedWithAnApostrophe() {
        assertThat(AttendeeCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(AttendeeCsv.cell("+86 755 1234")).isEqualTo("'+86 755 1234");
        assertThat(AttendeeCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(AttendeeCsv.cell("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(AttendeeCsv.cell("\tTAB")).isEqualTo("'\tTAB");
        assertThat(AttendeeCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(AttendeeCsv.cell("=HYPERLINK(\"http://evil.example\",\"Click\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"");
        assertThat(AttendeeCsv.cell("Li = Ming")).isEqualTo("Li = Ming");
    }

    @Test
    void aRowJoinsItsCellsWithCommasAndEndsWithCrLf() throws IOException {
        StringWriter out = new StringWriter();

        AttendeeCsv.writeRow(out, Arrays.asList("Li Ming", null, "Opal, Ltd."));
        AttendeeCsv.writeRow(out, List.of("=1", "b"));

        assertThat(out).hasToString("Li Ming,,\"Opal, Ltd.\"\r\n'=1,b\r\n");
    }
}
