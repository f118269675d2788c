package io.voicegateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OutboundAudioBatchTest {

    private static byte[] frame(int value) {
        byte[] frame = new byte[CallerAudioOut.FRAME];
        Arrays.fill(frame, (byte) value);
        return frame;
    }

    @Test
    void framesAreJoinedInOrderAndTheBatchIsEmptyAfterTaking() {
        OutboundAudioBatch batch = new OutboundAudioBatch();
        byte[] reused = frame(1);
        assertThat(batch.add(reused)).isFalse();
        Arrays.fill(reused, (byte) 2); // the caller reuses its array: the batch must have copied the first frame
        assertThat(batch.add(reused)).isFalse();

        byte[] message = batch.take();

        assertThat(message).hasSize(320);
        assertThat(message[0]).isEqualTo((byte) 1);
        assertThat(message[159]).isEqualTo((byte) 1);
        assertThat(message[160]).isEqualTo((byte) 2);
        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.take()).isEmpty();
    }

    @Test
    void theTenthFrameFillsAMessageOf200Ms() {
        OutboundAudioBatch batch = new OutboundAudioBatch();
        for (int i = 0; i < OutboundAudioBatch.MAX_FRAMES - 1; i++) {
            assertThat(batch.add(frame(i))).isFalse();
        }
        assertThat(batch.add(frame(9))).isTrue();
        byte[] message = batch.take();
        assertThat(message).hasSize(1600);
        assertThat(message[1599]).isEqualTo((byte) 9);
        assertThat(batch.add(frame(7))).isFalse(); // room again after taking
    }

    @Test
    void clearingDropsFramesThatWereNotSent() {
        OutboundAudioBatch batch = new OutboundAudioBatch();
        batch.add(frame(1));
        batch.clear();
        assertThat(batch.isEmpty()).isTrue();
        batch.add(frame(2));
        assertThat(batch.take()).hasSize(160).containsOnly((byte) 2);
    }
}
