package io.voicegateway.audio;

/**
 * The per-frame contract of the audio processors: one exchange carries one 20 ms frame of one call.
 *
 * <ul>
 *   <li>{@code muLawDecode}: body {@code byte[]} of 160 μ-law bytes (8 kHz) in, body {@code short[]} PCM16 out.</li>
 *   <li>{@code noiseGate}: body {@code short[]}, gated in place.</li>
 *   <li>{@code vad}: body {@code short[]} unchanged; sets {@link #VAD_SPEECH_PROBABILITY}, {@link #VAD_SPEAKING}
 *       and, on the frame where a turn starts or ends, {@link #VAD_EVENT}.</li>
 * </ul>
 */
public final class AudioHeaders {

    /** {@code String}: the gateway's call id; selects the call's {@link CallAudioState}. Required. */
    public static final String CALL_ID = "CallId";
    /** {@code Float}: speech probability (0..1) of the call's latest 32 ms VAD window. */
    public static final String VAD_SPEECH_PROBABILITY = "VadSpeechProbability";
    /** {@code io.voicegateway.vad.VadEvent}: set only on the frame that completed a SpeechStarted/SpeechEnded. */
    public static final String VAD_EVENT = "VadEvent";
    /** {@code Boolean}: the caller is in a turn (between SpeechStarted and SpeechEnded). */
    public static final String VAD_SPEAKING = "VadSpeaking";

    /** Twilio sends 20 ms of 8 kHz μ-law per media message: 160 bytes. */
    public static final int FRAME_SAMPLES = 160;
    public static final int PHONE_RATE_HZ = 8000;

    private AudioHeaders() {
    }
}
