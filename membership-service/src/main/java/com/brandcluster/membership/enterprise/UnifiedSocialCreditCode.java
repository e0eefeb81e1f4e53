package com.brandcluster.membership.enterprise;

import java.util.Locale;

/**
 * The 18-character unified social credit code of a Chinese organisation, validated with the GB 32100-2015 check
 * character: 17 characters from a 31-character alphabet (digits and capitals without I, O, S, V, Z), weighted by
 * 3^i mod 31, and a check character that makes the weighted sum a multiple of 31.
 */
public record UnifiedSocialCreditCode(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public UnifiedSocialCreditCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a valid unified social credit code");
        }
    }

    /** Parses a code typed by a person: surrounding blanks are ignored and letters may be lower case. */
    public static UnifiedSocialCreditCode parse(String input) {
        return new UnifiedSocialCreditCode(normalise(input));
    }

    public static boolean isValid(String input) {
        if (input == null || input.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(input.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(input.substring(0, 17)) == input.charAt(17);
    }

    /** Completes 17 characters with their check character, for demo data and tests. */
    public static UnifiedSocialCreditCode withCheckCharacter(String first17) {
        return new UnifiedSocialCreditCode(first17 + checkCharacter(first17));
    }

    /** The check character for the first 17 characters of a code. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    static String normalise(String input) {
        return input == null ? null : input.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
