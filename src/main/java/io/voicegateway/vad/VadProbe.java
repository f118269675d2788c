package io.voicegateway.vad;

import io.voicegateway.server.HealthCheck;

/**
 * The /health check of the shared Silero session: one real inference on a fresh stream (a faint hum, so the
 * input is not trivially zero); the answer must be a probability (finite, 0..1) and the model must actually
 * have run.
 */
public final class VadProbe {

    private VadProbe() {
    }

    public static HealthCheck.Result run(SileroVadModel model) {
        short[] hum = new short[SileroVadModel.WINDOW];
        for (int i = 0; i < hum.length; i++) {
            hum[i] = (short) (i % 2 == 0 ? 64 : -64); // about -54 dBFS at 4 kHz: no speech
        }
        float[] probability = {Float.NaN};
        try (VadStream stream = model.newStream()) {
            stream.feed(hum, 0, hum.length, (index, p) -> probability[0] = p);
            if (stream.windows() != 1) {
                return HealthCheck.Result.down("no inference ran on a test window (" + model.source() + ")");
            }
        } catch (RuntimeException e) {
            return HealthCheck.Result.down("inference failed: " + e.getMessage());
        }
        return judge(probability[0], model.source());
    }

    static HealthCheck.Result judge(float probability, String source) {
        if (!Float.isFinite(probability) || probability < 0f || probability > 1f) {
            return HealthCheck.Result.down("inference answered " + probability + ", not a probability (" + source + ")");
        }
        return HealthCheck.Result.up(source);
    }
}
