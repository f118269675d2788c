package io.voicegateway.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicegateway.vad.SileroVadModel;
import io.voicegateway.vad.VadProperties;
import io.voicegateway.vad.VoiceActivity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules: a call's audio state is made on first use, and removing the call frees its VAD stream. */
class CallAudioStatesTest {

    private static SileroVadModel model;

    @BeforeAll
    static void loadModel() {
        model = SileroVadModel.loadBundled();
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void removingACallClosesItsVadStreamSoLateFramesRunNoModel() {
        CallAudioStates states = new CallAudioStates(new AudioProperties(-55, 200, 20),
                new VadProperties(0.5f, 250, 700, "", 0), () -> model.newStream());
        VoiceActivity activity = states.get("call-1").voiceActivity();
        short[] frame = new short[SileroVadModel.WINDOW];
        activity.feed(frame, 0, frame.length);

        assertThat(states.remove("call-1")).isTrue();
        activity.feed(frame, 0, frame.length);

        assertThat(activity.windows()).isEqualTo(1);
        assertThat(states.size()).isZero();
        assertThat(states.remove("call-1")).isFalse();
    }
}
