package io.voicegateway.audio;

import io.voicegateway.vad.VoiceActivity;

/**
 * Everything the per-frame audio path keeps for one call. Owned by {@link CallAudioStates}; a call's frames are
 * processed in order, one at a time, so nothing here is synchronised.
 *
 * @param callId         the gateway's call id
 * @param noiseGate      gate for the caller's audio
 * @param voiceActivity  the call's VAD stream and turn detector
 * @param toModel        caller audio, 8 kHz to the rate sent to Nova Sonic
 * @param fromModel      Nova Sonic's output rate to the phone's 8 kHz
 */
public record CallAudioState(String callId, NoiseGate noiseGate, VoiceActivity voiceActivity,
                             Resampler toModel, Resampler fromModel) {
}
