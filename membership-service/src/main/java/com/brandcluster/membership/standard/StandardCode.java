package com.brandcluster.membership.standard;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The code of a standard as standards bodies write it: issuer (and type), number, year. {@code GB/T 29187-2012}
 * (national, recommended), {@code GB 4943.1-2011}, {@code T/ZZB 0017-2016} (group standard, "Zhejiang Made"),
 * {@code DB33/T 944-2014} (provincial), {@code SB/T 10001-2019} (sector), {@code ISO 9001:2015},
 * {@code ISO/IEC 27001:2022}. Typed codes are normalised (blanks trimmed and collapsed, upper case), so the same
 * standard is the same code however it was typed.
 */
public record StandardCode(String value) {

    public static final int MAX_LENGTH = 60;

    private static final Pattern FORMAT = Pattern.compile(
            "[A-Z][A-Z0-9]{0,7}(?:/[A-Z]{1,6}){0,2} [0-9]{1,6}(?:\\.[0-9]{1,4}){0,3}[-:](?:19|20)[0-9]{2}");

    public StandardCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a standard code");
        }
    }

    public static StandardCode parse(String input) {
        return new StandardCode(normalise(input));
    }

    public static boolean isValid(String normalised) {
        return normalised != null && normalised.length() <= MAX_LENGTH && FORMAT.matcher(normalised).matches();
    }

    static String normalise(String input) {
        return input == null ? null : input.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
