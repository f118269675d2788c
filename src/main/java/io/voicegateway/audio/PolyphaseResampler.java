package io.voicegateway.audio;

/**
 * Rational resampler: conceptually inserts {@code up - 1} zeros between input samples, low-pass filters at the
 * intermediate rate and keeps every {@code down}-th sample; in practice each output is one polyphase branch's dot
 * product with the input history. Per instance there is only the history buffer and the position of the next
 * output, so the shared {@link FilterDesign} serves any number of calls.
 */
final class PolyphaseResampler implements Resampler {

    /** Input samples converted per inner pass; longer inputs are done in several passes. */
    private static final int CHUNK = 960;

    private final FilterDesign design;
    private final int fromHz;
    private final int toHz;
    private final int history;
    /** {@code history} previous input samples followed by up to {@link #CHUNK} new ones, as floats. */
    private final float[] buffer;
    /** Intermediate-rate time of the next output, relative to the first sample of the next chunk. */
    private int nextTime;

    PolyphaseResampler(FilterDesign design, int fromHz, int toHz) {
        this.design = design;
        this.fromHz = fromHz;
        this.toHz = toHz;
        this.history = design.tapsPerPhase - 1;
        this.buffer = new float[history + CHUNK];
    }

    @Override
    public int process(short[] in, int inOff, int inLen, short[] out, int outOff) {
        int written = 0;
        for (int done = 0; done < inLen; done += CHUNK) {
            int len = Math.min(CHUNK, inLen - done);
            written += processChunk(in, inOff + done, len, out, outOff + written);
        }
        return written;
    }

    private int processChunk(short[] in, int inOff, int len, short[] out, int outOff) {
        for (int i = 0; i < len; i++) {
            buffer[history + i] = in[inOff + i];
        }
        int up = design.up;
        int end = len * up;
        int written = 0;
        int time = nextTime;
        for (; time < end; time += design.down) {
            // Newest input sample used is time / up; the branch spans the tapsPerPhase samples up to it.
            float value = dot(design.phases[time % up], time / up);
            out[outOff + written++] = toShort(value);
        }
        nextTime = time - end;
        System.arraycopy(buffer, len, buffer, 0, history);
        return written;
    }

    private float dot(float[] taps, int start) {
        float[] x = buffer;
        // Four partial sums let the CPU overlap the floating-point adds.
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int n = taps.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += taps[i] * x[start + i];
            s1 += taps[i + 1] * x[start + i + 1];
            s2 += taps[i + 2] * x[start + i + 2];
            s3 += taps[i + 3] * x[start + i + 3];
        }
        for (; i < n; i++) {
            s0 += taps[i] * x[start + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static short toShort(float value) {
        int rounded = Math.round(value);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
    }

    @Override
    public int maxOutput(int inLen) {
        // nextTime < down always, so at most ceil(inLen * up / down) outputs.
        return (int) (((long) inLen * design.up + design.down - 1) / design.down);
    }

    @Override
    public int fromHz() {
        return fromHz;
    }

    @Override
    public int toHz() {
        return toHz;
    }
}
