package io.voicegateway.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Rule: quiet frames are zeroed unless a loud frame ended less than the hold time ago; loud frames pass as is. */
class NoiseGateTest {

    private static final int FRAME = 160;

    @Test
    void aQuietFrameOnItsOwnIsZeroed() {
        NoiseGate gate = new NoiseGate(-55, 200, 8000);
        short[] hiss = tone(-65);
        assertThat(gate.apply(hiss, 0, FRAME)).isFalse();
        assertThat(hiss).containsOnly((short) 0);
    }

    @Test
    void aLoudFramePassesUnchanged() {
        NoiseGate gate = new NoiseGate(-55, 200, 8000);
        short[] speech = tone(-20);
        short[] copy = speech.clone();
        assertThat(gate.apply(speech, 0, FRAME)).isTrue();
        assertThat(speech).isEqualTo(copy);
    }

    @Test
    void quietFramesPassForTheHoldTimeAfterLoudOnesThenAreZeroed() {
        NoiseGate gate = new NoiseGate(-55, 200, 8000);
        gate.apply(tone(-20), 0, FRAME);
        // 200 ms hold = 10 frames of 20 ms pass, the 11th is gated.
        for (int i = 0; i < 10; i++) {
            short[] quiet = tone(-65);
            assertThat(gate.apply(quiet, 0, FRAME)).as("quiet frame %d", i).isTrue();
            assertThat(quiet).isNotEqualTo(new short[FRAME]);
        }
        short[] late = tone(-65);
        assertThat(gate.apply(late, 0, FRAME)).isFalse();
        assertThat(late).containsOnly((short) 0);
    }

    @Test
    void aLoudFrameReopensTheGateAfterItClosed() {
        NoiseGate gate = new NoiseGate(-55, 0, 8000);
        assertThat(gate.apply(tone(-65), 0, FRAME)).isFalse();
        assertThat(gate.apply(tone(-30), 0, FRAME)).isTrue();
        assertThat(gate.apply(tone(-65), 0, FRAME)).isFalse();
    }

    @Test
    void onlyTheGivenRangeIsTouched() {
        NoiseGate gate = new NoiseGate(-55, 0, 8000);
        short[] buffer = new short[FRAME + 20];
        Arrays.fill(buffer, (short) 3);
        gate.apply(buffer, 10, FRAME);
        assertThat(buffer[9]).isEqualTo((short) 3);
        assertThat(buffer[10]).isZero();
        assertThat(buffer[FRAME + 10]).isEqualTo((short) 3);
    }

    @Test
    void levelOfAFullScaleSineIsAboutMinusThreeDbfs() {
        short[] sine = ToneAnalysis.sine(1000, 8000, FRAME, 32767);
        assertThat(NoiseGate.levelDbfs(sine, 0, FRAME)).isCloseTo(-3.01, within(0.05));
    }

    /** A 1 kHz sine frame whose RMS is {@code dbfs}. */
    private static short[] tone(double dbfs) {
        double amplitude = 32768 * Math.pow(10, dbfs / 20) * Math.sqrt(2);
        return ToneAnalysis.sine(1000, 8000, FRAME, amplitude);
    }
}
