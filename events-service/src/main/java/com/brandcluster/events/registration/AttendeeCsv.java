package com.brandcluster.events.registration;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as RFC 4180 writes it: CRLF line ends, a cell in double quotes when it holds a comma, a quote or a line break,
 * quotes inside doubled. A cell a spreadsheet would take for a formula (starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return) is prefixed with {@code '}, so that a name such as
 * {@code =HYPERLINK("http://evil.example")} stays text when the secretariat opens the file (CSV injection).
 */
final class AttendeeCsv {

    /** Excel reads a CSV file as UTF-8 only when it starts with a byte order mark; other readers skip it. */
    static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final String LINE_END = "\r\n";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private AttendeeCsv() {
    }

    static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write(LINE_END);
    }

    /** One cell, defused and quoted as needed; null is an empty cell. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
