package io.voicegateway.audio;

/**
 * Rational resampler: conceptually inserts {@code up - 1} zeros between input samples, low-pass filters at the
 * intermediate rate and keeps every {@code down}-th sample; in practice each output is one polyphase branch's dot
 * product with the input history, computed for a group of outputs at once, tap by tap. (HotSpot 17 does not
 * vectorise these loops because it cannot prove the two float arrays distinct; measured ~0.3 ns per tap and
 * output, see docs/benchmarks.md.) Per instance there are only the history buffer, scratch arrays and the position of the next
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
    /** {@code phasesOfInput[r][j] = buffer[j * down + r]}, refreshed per chunk when decimating. */
    private final float[][] phasesOfInput;
    /** Output accumulators of one polyphase group. */
    private final float[] acc = new float[CHUNK + 2];
    /** Intermediate-rate time of the next output, relative to the first sample of the next chunk. */
    private int nextTime;

    PolyphaseResampler(FilterDesign design, int fromHz, int toHz) {
        this.design = design;
        this.fromHz = fromHz;
        this.toHz = toHz;
        this.history = design.tapsPerPhase - 1;
        this.buffer = new float[history + CHUNK];
        this.phasesOfInput = new float[design.down][(history + CHUNK) / design.down + 1];
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
        int down = design.down;
        int end = len * up;
        int total = nextTime >= end ? 0 : (end - nextTime + down - 1) / down;
        if (down > 1) {
            deinterleave(history + len);
        }
        // Outputs q, q + up, q + 2 up, ... all use the same branch and step down input samples apart, so each
        // such group is computed tap by tap over contiguous arrays: loops the JIT turns into SIMD code.
        for (int q = 0; q < up && q < total; q++) {
            int time = nextTime + q * down;
            int count = (total - q + up - 1) / up;
            filterInto(design.phases[time % up], time / up, count);
            for (int m = 0; m < count; m++) {
                out[outOff + q + m * up] = toShort(acc[m]);
            }
        }
        nextTime += total * down - end;
        System.arraycopy(buffer, len, buffer, 0, history);
        return total;
    }

    /** {@code acc[m] = sum_i taps[i] * buffer[start + i + m * down]} for m in [0, count). */
    private void filterInto(float[] taps, int start, int count) {
        float[] sums = acc;
        java.util.Arrays.fill(sums, 0, count, 0f);
        int down = design.down;
        for (int i = 0; i < taps.length; i++) {
            float tap = taps[i];
            int at = start + i;
            float[] source = down == 1 ? buffer : phasesOfInput[at % down];
            int from = at / down;
            for (int m = 0; m < count; m++) {
                sums[m] += tap * source[from + m];
            }
        }
    }

    /** Splits the buffer into {@code down} strided views so decimating reads are contiguous. */
    private void deinterleave(int length) {
        int down = design.down;
        for (int r = 0; r < down; r++) {
            float[] target = phasesOfInput[r];
            int index = 0;
            for (int j = r; j < length; j += down) {
                target[index++] = buffer[j];
            }
        }
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
