package io.voicegateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rule: frames leave in chunks of the configured number of frames, in order, nothing lost or repeated. */
class NovaChunkerTest {

    private static short[] frame(int first) {
        short[] frame = new short[4];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) (first + i);
        }
        return frame;
    }

    @Test
    void oneFramePerChunkPassesEachFrameOnAtOnce() {
        NovaChunker chunker = new NovaChunker(1);
        short[] frame = frame(0);

        assertThat(chunker.add(frame)).isSameAs(frame);
    }

    @Test
    void twoFramesPerChunkHoldTheFirstAndSendBothInOrderWithTheSecond() {
        NovaChunker chunker = new NovaChunker(2);

        assertThat(chunker.add(frame(0))).isNull();
        assertThat(chunker.add(frame(4))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(chunker.add(frame(8))).isNull();
        assertThat(chunker.add(frame(12))).containsExactly(8, 9, 10, 11, 12, 13, 14, 15);
    }

    @Test
    void aChunkIsANewArrayThatLaterFramesDoNotOverwrite() {
        NovaChunker chunker = new NovaChunker(3);
        chunker.add(frame(0));
        chunker.add(frame(4));
        short[] first = chunker.add(frame(8));

        chunker.add(frame(100));
        chunker.add(frame(104));
        chunker.add(frame(108));

        assertThat(first).startsWith((short) 0, (short) 1).endsWith((short) 10, (short) 11).hasSize(12);
    }
}
