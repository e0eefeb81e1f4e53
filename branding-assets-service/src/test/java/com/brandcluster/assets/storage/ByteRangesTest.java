package com.brandcluster.assets.storage;

import com.brandcluster.assets.storage.ByteRanges.ByteRange;
import com.brandcluster.assets.storage.ByteRanges.Partial;
import com.brandcluster.assets.storage.ByteRanges.Unsatisfiable;
import com.brandcluster.assets.storage.ByteRanges.Whole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ByteRangesTest {

    @Test
    void readsFirstMiddleOpenAndSuffixRanges() {
        assertThat(ByteRanges.resolve("bytes=0-99", 1000)).isEqualTo(partial(new ByteRange(0, 99)));
        assertThat(ByteRanges.resolve("bytes=500-599", 1000)).isEqualTo(partial(new ByteRange(500, 599)));
        assertThat(ByteRanges.resolve("bytes=900-", 1000)).isEqualTo(partial(new ByteRange(900, 999)));
        assertThat(ByteRanges.resolve("bytes=-100", 1000)).isEqualTo(partial(new ByteRange(900, 999)));
    }

    @Test
    void clipsRangesToTheEndAndASuffixToTheWholeFile() {
        assertThat(ByteRanges.resolve("bytes=990-5000", 1000)).isEqualTo(partial(new ByteRange(990, 999)));
        assertThat(ByteRanges.resolve("bytes=-5000", 1000)).isEqualTo(partial(new ByteRange(0, 999)));
    }

    @Test
    void keepsSeveralRangesInOrderAndDropsUnsatisfiableOnes() {
        assertThat(ByteRanges.resolve("bytes=0-9, 20-29,5000-6000 ,-5", 1000)).isEqualTo(
                partial(new ByteRange(0, 9), new ByteRange(20, 29), new ByteRange(995, 999)));
    }

    @Test
    void isUnsatisfiableWhenNoRangeLiesInTheFile() {
        assertThat(ByteRanges.resolve("bytes=1000-", 1000)).isInstanceOf(Unsatisfiable.class);
        assertThat(ByteRanges.resolve("bytes=2000-3000,1000-1001", 1000)).isInstanceOf(Unsatisfiable.class);
        assertThat(ByteRanges.resolve("bytes=-0", 1000)).isInstanceOf(Unsatisfiable.class);
        assertThat(ByteRanges.resolve("bytes=-10", 0)).isInstanceOf(Unsatisfiable.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bytes", "bytes=", "bytes=abc", "bytes=5-2", "bytes=1-2-3", "bytes=-", "items=0-5",
            "bytes=0x10-20", "bytes=+1-5"})
    void ignoresAHeaderThatIsNotAWellFormedByteRangeSet(String header) {
        assertThat(ByteRanges.resolve(header, 1000)).isInstanceOf(Whole.class);
    }

    @Test
    void answersWithTheWholeFileRatherThanSendingItManyTimesOver() {
        assertThat(ByteRanges.resolve("bytes=0-999,0-999,0-999", 1000)).isInstanceOf(Whole.class);
        StringBuilder many = new StringBuilder("bytes=0-0");
        for (int i = 1; i <= ByteRanges.MAX_RANGES; i++) {
            many.append(',').append(i).append('-').append(i);
        }
        assertThat(ByteRanges.resolve(many.toString(), 1000)).isInstanceOf(Whole.class);
    }

    @Test
    void takesHugeNumbersForTheEndOfTheFile() {
        assertThat(ByteRanges.resolve("bytes=10-99999999999999999999999", 1000))
                .isEqualTo(partial(new ByteRange(10, 999)));
    }

    private static Partial partial(ByteRange... ranges) {
        return new Partial(java.util.List.of(ranges));
    }
}
