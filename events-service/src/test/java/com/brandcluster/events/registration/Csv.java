package com.brandcluster.events.registration;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader for tests, independent of the writer under test: fields split at commas outside quotes, records
 * at CRLF outside quotes, quoted fields unquoted with doubled quotes undone. A bare LF or CR outside quotes is not a
 * record end in RFC 4180, and is refused here so that a writer emitting one fails.
 */
final class Csv {

    private Csv() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                if (!field.isEmpty()) {
                    throw new IllegalArgumentException("A quote inside an unquoted field at " + i);
                }
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
                continue;
            } else if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("A line break outside quotes that is not CRLF at " + i);
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("An unterminated quoted field");
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            throw new IllegalArgumentException("The last record does not end with CRLF");
        }
        return records;
    }
}
