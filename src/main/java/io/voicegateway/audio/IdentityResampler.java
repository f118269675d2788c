package io.voicegateway.audio;

/** Copies samples through when input and output rates are equal. */
record IdentityResampler(int rateHz) implements Resampler {

    @Override
    public int process(short[] in, int inOff, int inLen, short[] out, int outOff) {
        System.arraycopy(in, inOff, out, outOff, inLen);
        return inLen;
    }

    @Override
    public int maxOutput(int inLen) {
        return inLen;
    }

    @Override
    public int fromHz() {
        return rateHz;
    }

    @Override
    public int toHz() {
        return rateHz;
    }
}
