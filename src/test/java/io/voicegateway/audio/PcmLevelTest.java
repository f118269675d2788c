package io.voicegateway.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** RMS relative to full scale (32768) and its dBFS. */
class PcmLevelTest {

    @Test
    void aFullScaleSquareWaveIsOneAndZeroDbfs() {
        short[] square = new short[160];
        for (int i = 0; i < square.length; i++) {
            square[i] = (short) (i % 2 == 0 ? 32767 : -32768);
        }
        assertThat(PcmLevel.rms(square, 0, 160)).isCloseTo(1f, within(1e-4f));
        assertThat(PcmLevel.dbfs(square, 0, 160)).isCloseTo(0, within(0.01));
    }

    @Test
    void aSineAtATenthOfFullScaleIsAboutMinus23Dbfs() {
        short[] sine = new short[8000];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (short) Math.round(3276.8 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        // RMS of a sine is peak / sqrt(2): 0.1 / 1.414 = 0.0707, i.e. -23.0 dBFS
        assertThat(PcmLevel.rms(sine, 0, sine.length)).isCloseTo(0.0707f, within(0.0005f));
        assertThat(PcmLevel.dbfs(sine, 0, sine.length)).isCloseTo(-23.0, within(0.1));
    }

    @Test
    void silenceIsZeroAndMinusInfinityAndOnlyTheGivenRangeCounts() {
        short[] frame = new short[320];
        frame[200] = 30000;
        assertThat(PcmLevel.rms(frame, 0, 160)).isZero();
        assertThat(PcmLevel.dbfs(frame, 0, 160)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(PcmLevel.rms(frame, 160, 160)).isPositive();
        assertThat(PcmLevel.rms(frame, 0, 0)).isZero();
    }
}
