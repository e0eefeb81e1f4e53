package com.brandcluster.events.board;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a post's text into the keys that search and matching compare, without a search engine ({@code $text} is not
 * available everywhere this service runs, and would not segment Chinese anyway).
 * <p>
 * The text is NFKC-normalised (full-width {@code ＬＥＤ} becomes {@code LED}) and lower-cased. Runs of letters and
 * digits of alphabetic scripts are words. Chinese, Japanese and Korean have no spaces between words, and segmenting
 * them needs a dictionary; instead each run of such characters gives its overlapping character pairs (bigrams):
 * {@code 照明灯具} gives {@code 照明 明灯 灯具}. Any two texts that share a word of two or more characters then
 * share at least one key, which is what a board of short posts needs; a lone character gives itself. Words and pairs
 * that every post has ({@code we}, {@code need}, {@code 我们}, {@code 需要}) carry no meaning and are left out (a
 * common pair with the pairs that straddle it), so that they neither match every post nor make two unrelated posts
 * look alike; the particle {@code 的} breaks a run as
 * a space would ({@code 我们的灯具} gives {@code 灯具}).
 */
final class Keywords {

    private static final int MIN_WORD_LENGTH = 2;
    private static final int MAX_WORD_LENGTH = 40;

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "can",
            "for", "from", "has", "have", "in", "is", "it", "its", "of", "on", "or", "our", "that", "the", "their",
            "this", "to", "us", "we", "will", "with", "you", "your", "need", "needs", "needed", "offer", "offers",
            "offering", "looking", "seek", "seeking", "provide", "provides", "providing");

    private static final Set<String> STOP_PAIRS = Set.of("我们", "我司", "贵司", "本司", "需要", "寻求", "寻找", "提供",
            "可以", "能够", "一个", "以及", "进行", "相关", "公司", "企业", "合作", "欢迎", "联系");

    /** A particle so frequent, and so rarely part of a word, that it is read as a break between words. */
    private static final int PARTICLE = '的';
    /** The Japanese long-vowel mark {@code ー} belongs to the word it lengthens, though Unicode files it as common. */
    private static final int PROLONGED_SOUND_MARK = 'ー';

    private Keywords() {
    }

    /** The keys of the texts: words and character pairs, each once, in order of first appearance. */
    static List<String> of(String... texts) {
        Set<String> keys = new LinkedHashSet<>();
        for (String text : texts) {
            for (Token token : tokens(text)) {
                keys.add(token.key());
            }
        }
        return List.copyOf(keys);
    }

    /** A tag or filter value as it is compared: NFKC, lower case, single spaces, no surrounding blanks. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip()
                .replaceAll("\\s+", " ");
    }

    /** Whether the key is one character of a CJK script (it stood alone, or a query asks for just it). */
    static boolean isSingleCharacter(String key) {
        return key.codePointCount(0, key.length()) == 1 && isCjk(key.codePointAt(0));
    }

    /**
     * The terms of the texts that consist of the given keys, for people to read: adjacent character pairs are joined
     * back into the run they came from ({@code 照明 明灯 灯具} shared gives {@code 照明灯具}); words stay words.
     * Each term once, in order of appearance.
     */
    static List<String> phrases(List<String> texts, Set<String> keys) {
        Set<String> phrases = new LinkedHashSet<>();
        for (String text : texts) {
            StringBuilder phrase = new StringBuilder();
            Token previous = null;
            for (Token token : tokens(text)) {
                if (!keys.contains(token.key())) {
                    continue;
                }
                boolean continues = previous != null && token.pair() && previous.pair()
                        && token.run() == previous.run() && token.position() == previous.position() + 1;
                if (continues) {
                    phrase.appendCodePoint(token.key().codePointBefore(token.key().length()));
                } else {
                    if (!phrase.isEmpty()) {
                        phrases.add(phrase.toString());
                    }
                    phrase.setLength(0);
                    phrase.append(token.key());
                }
                previous = token;
            }
            if (!phrase.isEmpty()) {
                phrases.add(phrase.toString());
            }
        }
        return List.copyOf(phrases);
    }

    /**
     * One key where it was found: the {@code run} of characters it came from (a word, or a run of CJK characters)
     * and, for a character pair, its position in that run.
     */
    private record Token(String key, int run, int position, boolean pair) {
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int[] codePoints = normalised.codePoints().toArray();
        int run = 0;
        int i = 0;
        while (i < codePoints.length) {
            int start = i;
            if (isPaired(codePoints[i])) {
                while (i < codePoints.length && isPaired(codePoints[i])) {
                    i++;
                }
                addPairs(codePoints, start, i, run++, tokens);
            } else if (isWordPart(codePoints[i])) {
                while (i < codePoints.length && isWordPart(codePoints[i])) {
                    i++;
                }
                addWord(new String(codePoints, start, i - start), run++, tokens);
            } else {
                i++;
            }
        }
        return tokens;
    }

    private static void addWord(String word, int run, List<Token> tokens) {
        int length = word.codePointCount(0, word.length());
        if (length >= MIN_WORD_LENGTH && length <= MAX_WORD_LENGTH && !STOP_WORDS.contains(word)) {
            tokens.add(new Token(word, run, 0, false));
        }
    }

    private static void addPairs(int[] codePoints, int start, int end, int run, List<Token> tokens) {
        if (end - start == 1) {
            tokens.add(new Token(new String(codePoints, start, 1), run, 0, false));
            return;
        }
        int pairs = end - start - 1;
        boolean[] stop = new boolean[pairs];
        for (int k = 0; k < pairs; k++) {
            stop[k] = STOP_PAIRS.contains(new String(codePoints, start + k, 2));
        }
        for (int k = 0; k < pairs; k++) {
            // a common word is left out with the pairs that straddle it and its neighbours
            boolean straddles = (k > 0 && stop[k - 1]) || (k + 1 < pairs && stop[k + 1]);
            if (!stop[k] && !straddles) {
                tokens.add(new Token(new String(codePoints, start + k, 2), run, k, true));
            }
        }
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** A character of a CJK run; the particle separates runs, as a space separates words. */
    private static boolean isPaired(int codePoint) {
        return (isCjk(codePoint) && codePoint != PARTICLE) || codePoint == PROLONGED_SOUND_MARK;
    }

    /** A character of a word of an alphabetic script. */
    private static boolean isWordPart(int codePoint) {
        int type = Character.getType(codePoint);
        return !isCjk(codePoint) && (Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK);
    }
}
