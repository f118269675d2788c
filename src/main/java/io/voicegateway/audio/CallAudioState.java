package io.voicegateway.audio;

import io.voicegateway.vad.VoiceActivity;

/**
 * Everything the per-frame audio path keeps for one call. Owned by {@link CallAudioStates}; a call's frames are
 * processed in order, one at a time, so nothing here is synchronised.
 *
 * @param callId         the gateway's call id
 * @param noiseGate      gate for the caller's audio
 * @param voiceActivity  the call's VAD stream and turn detector
 */
public record CallAudioState(String callId, NoiseGate noiseGate, VoiceActivity voiceActivity) {
}
