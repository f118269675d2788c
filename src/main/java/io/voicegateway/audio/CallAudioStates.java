package io.voicegateway.audio;

import io.voicegateway.vad.VadProperties;
import io.voicegateway.vad.VadStream;
import io.voicegateway.vad.VadStreams;
import io.voicegateway.vad.VoiceActivity;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The registry of per-call audio state, by call id. A call's state is created on its first frame and must be
 * removed when the call ends ({@link #remove}); nothing else holds it.
 */
@Component
public class CallAudioStates {

    private final ConcurrentHashMap<String, CallAudioState> states = new ConcurrentHashMap<>();
    private final AudioProperties audio;
    private final VadProperties vad;
    /** Where a new call's VAD stream comes from (synchronous or batched, see {@link VadStreams}). */
    private final Supplier<VadStream> vadStreams;

    public CallAudioStates(AudioProperties audio, VadProperties vad, Supplier<VadStream> vadStreams) {
        this.audio = audio;
        this.vad = vad;
        this.vadStreams = vadStreams;
    }

    @Autowired
    CallAudioStates(AudioProperties audio, VadProperties vad, ObjectProvider<VadStreams> vadStreams) {
        this(audio, vad, () -> vadStreams.getObject().newStream());
    }

    /** The call's state, created on first use. */
    public CallAudioState get(String callId) {
        return states.computeIfAbsent(callId, this::create);
    }

    /** Forgets the call and frees its VAD stream; returns true when it had state. */
    public boolean remove(String callId) {
        CallAudioState state = states.remove(callId);
        if (state == null) {
            return false;
        }
        state.voiceActivity().close();
        return true;
    }

    /** Calls with state. */
    public int size() {
        return states.size();
    }

    private CallAudioState create(String callId) {
        VoiceActivity voiceActivity = new VoiceActivity(vadStreams.get(), vad.newTurnDetector());
        return new CallAudioState(callId, audio.newNoiseGate(), voiceActivity);
    }
}
