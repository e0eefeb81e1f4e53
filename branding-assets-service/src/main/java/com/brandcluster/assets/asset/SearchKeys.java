package com.brandcluster.assets.asset;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The normalised keys an asset is found by, since {@code $text} is not available everywhere this service runs: text is
 * NFKC-normalised (full-width {@code ＬＯＧＯ} becomes {@code logo}) and lower-cased. Words of alphabetic scripts give
 * themselves and their prefixes from {@value #MIN_PREFIX} characters on, so that {@code guide} finds
 * {@code guidelines}. Chinese, Japanese and Korean are written without spaces, so each run of their characters gives
 * every character and every pair of neighbours ({@code 品牌标志} gives {@code 品 牌 标 志 品牌 牌标 标志}): a query's own
 * keys are then all present exactly when it is part of the run.
 */
final class SearchKeys {

    private static final int MIN_PREFIX = 3;
    private static final int MAX_WORD = 40;
    private static final int MAX_KEYS = 3000;

    private SearchKeys() {
    }

    /** The keys of an asset's texts, with prefixes of its words. */
    static List<String> of(String... texts) {
        Set<String> keys = new LinkedHashSet<>();
        for (String text : texts) {
            collect(text, true, keys);
        }
        return keys.stream().limit(MAX_KEYS).toList();
    }

    /** The keys of a query: all of them must be among an asset's keys. */
    static List<String> ofQuery(String query) {
        Set<String> keys = new LinkedHashSet<>();
        collect(query, false, keys);
        return List.copyOf(keys);
    }

    /** A tag as filters compare it: NFKC, lower case, single spaces, no surrounding blanks. */
    static String tag(String tag) {
        return Normalizer.normalize(tag, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip()
                .replaceAll("\\s+", " ");
    }

    private static void collect(String text, boolean prefixes, Set<String> keys) {
        if (text == null) {
            return;
        }
        int[] codePoints = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .codePoints().toArray();
        int i = 0;
        while (i < codePoints.length) {
            int start = i;
            if (isCjk(codePoints[i])) {
                while (i < codePoints.length && isCjk(codePoints[i])) {
                    keys.add(new String(codePoints, i, 1));
                    if (i > start) {
                        keys.add(new String(codePoints, i - 1, 2));
                    }
                    i++;
                }
            } else if (Character.isLetterOrDigit(codePoints[i])) {
                while (i < codePoints.length && Character.isLetterOrDigit(codePoints[i]) && !isCjk(codePoints[i])) {
                    i++;
                }
                word(new String(codePoints, start, i - start), prefixes, keys);
            } else {
                i++;
            }
        }
    }

    private static void word(String word, boolean prefixes, Set<String> keys) {
        int length = word.codePointCount(0, word.length());
        if (length < 2 || length > MAX_WORD) {
            return;
        }
        if (prefixes) {
            for (int end = MIN_PREFIX; end < length; end++) {
                keys.add(word.substring(0, word.offsetByCodePoints(0, end)));
            }
        }
        keys.add(word);
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
