package com.brandcluster.membership.directory;

import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How the directory is ordered: {@code sort=<field>[,asc|desc]} with a whitelisted field. Anything else is a 400
 * ({@code unknown-sort}) that lists what may be sorted by. Ties are broken by member number, so pages never overlap.
 */
record DirectorySort(Field field, boolean descending) {

    enum Field {
        NAME("name", Comparator.comparing(DirectoryRow::name, String.CASE_INSENSITIVE_ORDER)),
        MEMBER_NUMBER("memberNumber", Comparator.comparing(DirectoryRow::memberNumber, DirectorySort::byMemberNumber)),
        ADMITTED_AT("admittedAt", Comparator.comparing(DirectoryRow::admittedAt,
                Comparator.nullsLast(Comparator.naturalOrder())));

        private final String parameter;
        private final Comparator<DirectoryRow> order;

        Field(String parameter, Comparator<DirectoryRow> order) {
            this.parameter = parameter;
            this.order = order;
        }
    }

    static final DirectorySort DEFAULT = new DirectorySort(Field.NAME, false);
    static final List<String> SORTABLE = Arrays.stream(Field.values()).map(f -> f.parameter).toList();

    static DirectorySort parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return DEFAULT;
        }
        String[] parts = sort.split(",", -1);
        Field field = Arrays.stream(Field.values()).filter(f -> f.parameter.equals(parts[0].strip())).findFirst()
                .orElseThrow(() -> new InvalidSortException("The directory cannot be sorted by '"
                        + abbreviate(parts[0]) + "'."));
        if (parts.length == 1) {
            return new DirectorySort(field, false);
        }
        String direction = parts[1].strip().toLowerCase(Locale.ROOT);
        if (parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            throw new InvalidSortException("The sort direction must be asc or desc, as in sort=name,desc.");
        }
        return new DirectorySort(field, direction.equals("desc"));
    }

    Comparator<DirectoryRow> comparator() {
        Comparator<DirectoryRow> order = descending ? field.order.reversed() : field.order;
        return order.thenComparing(DirectoryRow::memberNumber, DirectorySort::byMemberNumber);
    }

    /**
     * {@code LIGHT-2026-0042}: by prefix and year, then by the number as a number (so 10000 follows 9999).
     */
    static int byMemberNumber(String a, String b) {
        int dashA = a.lastIndexOf('-');
        int dashB = b.lastIndexOf('-');
        if (dashA < 0 || dashB < 0) {
            return a.compareTo(b);
        }
        int series = a.substring(0, dashA).compareTo(b.substring(0, dashB));
        if (series != 0) {
            return series;
        }
        String numberA = a.substring(dashA + 1);
        String numberB = b.substring(dashB + 1);
        int byLength = Integer.compare(numberA.replaceFirst("^0+", "").length(),
                numberB.replaceFirst("^0+", "").length());
        return byLength != 0 ? byLength : numberA.replaceFirst("^0+", "").compareTo(numberB.replaceFirst("^0+", ""));
    }

    private static String abbreviate(String text) {
        String stripped = text.strip();
        return stripped.length() <= 40 ? stripped : stripped.substring(0, 40) + "…";
    }

    /** 400: a sort field outside the whitelist, or a direction other than asc/desc. */
    static class InvalidSortException extends DomainException {

        InvalidSortException(String detail) {
            super(HttpStatus.BAD_REQUEST, "unknown-sort", "Unknown sort", detail);
            withProperty("sortable", SORTABLE);
        }
    }
}
