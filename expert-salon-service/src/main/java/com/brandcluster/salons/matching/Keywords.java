package com.brandcluster.salons.matching;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words of a text that say what it is about, to compare an enterprise's needs with a salon's theme, title and
 * description. Without a full-text index (the embedded test server has none), and for Chinese as well as English:
 * <ul>
 *     <li>a run of letters and digits outside Han script is a word: lower-cased, a plural {@code s} dropped
 *     ({@code prices} and {@code price} meet), kept when it has at least three characters, is not only digits and is
 *     not a stop word;</li>
 *     <li>Chinese is not written with spaces, so a run of Han characters gives its overlapping two-character pieces
 *     ({@code 品牌定价} gives {@code 品牌}, {@code 牌定}, {@code 定价}), the usual way to match Chinese without a
 *     dictionary.</li>
 * </ul>
 * Stop words include the words every text of a brand cluster uses (brand, cluster, salon, member, enterprise and
 * their Chinese counterparts): they would make every salon look relevant.
 */
final class Keywords {

    private static final Set<String> STOP_WORDS = Set.of(
            "about", "also", "and", "any", "are", "but", "can", "for", "from", "get", "had", "has", "have", "how",
            "into", "its", "more", "most", "not", "our", "out", "over", "than", "that", "the", "their", "them",
            "they", "this", "those", "under", "use", "using", "very", "via", "want", "was", "what", "when", "which",
            "who", "why", "will", "with", "would", "you", "your", "need", "help", "all", "new", "some", "such",
            "these", "other", "should", "could", "there", "where", "been", "being", "both", "each", "just", "like",
            "brand", "cluster", "salon", "member", "enterprise", "company", "companies", "business",
            "品牌", "集群", "企业", "公司", "沙龙", "会员", "成员", "我们", "需要", "如何", "进行");

    private Keywords() {
    }

    static Set<String> of(String text) {
        Set<String> keywords = new TreeSet<>();
        if (text == null) {
            return keywords;
        }
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (isHan(codePoint)) {
                int end = runEnd(text, i, true);
                addPieces(text.substring(i, end), keywords);
                i = end;
            } else if (Character.isLetterOrDigit(codePoint)) {
                int end = runEnd(text, i, false);
                addWord(text.substring(i, end), keywords);
                i = end;
            } else {
                i += Character.charCount(codePoint);
            }
        }
        return keywords;
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static int runEnd(String text, int start, boolean han) {
        int i = start;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (isHan(codePoint) != han || !Character.isLetterOrDigit(codePoint)) {
                break;
            }
            i += Character.charCount(codePoint);
        }
        return i;
    }

    private static void addWord(String word, Set<String> keywords) {
        String lower = word.toLowerCase(Locale.ROOT);
        String singular = lower.length() > 3 && lower.endsWith("s") && !lower.endsWith("ss")
                ? lower.substring(0, lower.length() - 1) : lower;
        if (singular.length() >= 3 && !singular.chars().allMatch(Character::isDigit)
                && !STOP_WORDS.contains(lower) && !STOP_WORDS.contains(singular)) {
            keywords.add(singular);
        }
    }

    private static void addPieces(String run, Set<String> keywords) {
        int[] chars = run.codePoints().toArray();
        for (int i = 0; i + 1 < chars.length; i++) {
            String piece = new String(chars, i, 2);
            if (!STOP_WORDS.contains(piece)) {
                keywords.add(piece);
            }
        }
    }
}
