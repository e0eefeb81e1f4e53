package com.brandcluster.assets.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Range} header of a request, read as RFC 9110 (section 14) says, against a representation of a known size.
 * A header that is not a well-formed {@code bytes} range set is ignored (the whole representation is sent); ranges
 * that start beyond the end are dropped and the others clipped to it; if none is left the range set is
 * unsatisfiable (416). So that a request cannot make the server send a file many times over, a set of more than
 * {@value #MAX_RANGES} ranges, or ranges that add up to more than twice the file, is answered with the whole file,
 * as the RFC allows.
 */
final class ByteRanges {

    static final int MAX_RANGES = 32;

    /** Bytes {@code first} to {@code last}, both included. */
    record ByteRange(long first, long last) {

        long length() {
            return last - first + 1;
        }

        String contentRange(long size) {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    /** What to send: the whole representation, these ranges (206), or nothing (416). */
    sealed interface Resolution {
    }

    record Whole() implements Resolution {
    }

    record Partial(List<ByteRange> ranges) implements Resolution {
    }

    record Unsatisfiable() implements Resolution {
    }

    private ByteRanges() {
    }

    static Resolution resolve(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        String value = header.strip();
        int equals = value.indexOf('=');
        if (equals < 0 || !value.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Whole();
        }
        List<long[]> specs = new ArrayList<>();
        for (String spec : value.substring(equals + 1).split(",", -1)) {
            String trimmed = spec.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            long[] parsed = parse(trimmed);
            if (parsed == null) {
                return new Whole();
            }
            specs.add(parsed);
        }
        if (specs.isEmpty() || specs.size() > MAX_RANGES) {
            return new Whole();
        }
        List<ByteRange> ranges = new ArrayList<>();
        long total = 0;
        for (long[] spec : specs) {
            ByteRange range = satisfiable(spec, size);
            if (range != null) {
                ranges.add(range);
                total += range.length();
            }
        }
        if (ranges.isEmpty()) {
            return new Unsatisfiable();
        }
        return total > 2 * size ? new Whole() : new Partial(List.copyOf(ranges));
    }

    /** {@code {first, last}} with -1 for an absent part, or null if the spec is malformed. */
    private static long[] parse(String spec) {
        int dash = spec.indexOf('-');
        if (dash < 0 || dash != spec.lastIndexOf('-')) {
            return null;
        }
        String first = spec.substring(0, dash).strip();
        String last = spec.substring(dash + 1).strip();
        if (first.isEmpty() && last.isEmpty()) {
            return null;
        }
        long from = first.isEmpty() ? -1 : digits(first);
        long to = last.isEmpty() ? -1 : digits(last);
        if ((!first.isEmpty() && from < 0) || (!last.isEmpty() && to < 0) || (from >= 0 && to >= 0 && to < from)) {
            return null;
        }
        return new long[] {from, to};
    }

    /** A non-negative decimal, capped at {@link Long#MAX_VALUE}; -1 if it is not only digits. */
    private static long digits(String text) {
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return text.length() > 18 ? Long.MAX_VALUE : Long.parseLong(text);
    }

    private static ByteRange satisfiable(long[] spec, long size) {
        long first = spec[0];
        long last = spec[1];
        if (first < 0) {
            // suffix range: the last N bytes (all of them if N exceeds the size)
            return last == 0 || size == 0 ? null : new ByteRange(Math.max(0, size - last), size - 1);
        }
        if (first >= size) {
            return null;
        }
        return new ByteRange(first, last < 0 ? size - 1 : Math.min(last, size - 1));
    }
}
