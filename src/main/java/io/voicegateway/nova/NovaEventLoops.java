package io.voicegateway.nova;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;

/**
 * The AWS SDK's Netty event loops for the model streams, owned by the gateway (the SDK does not close a group it
 * was given) so that their lag can be watched: they carry every call's model input and output, and when they fall
 * behind, replies come late while the inbound audio path still looks healthy (docs/benchmarks.md, "A burst of
 * calls on a freshly started gateway"). Same threads and names as the SDK's own default group.
 */
public final class NovaEventLoops implements AutoCloseable {

    /** How often each loop is probed; the lag can only be seen to this resolution while the loops keep up. */
    static final Duration PROBE_PERIOD = Duration.ofMillis(50);

    private final SdkEventLoopGroup group = SdkEventLoopGroup.builder().build();
    private final EventLoopLag lag = new EventLoopLag(group.eventLoopGroup(), PROBE_PERIOD);

    public SdkEventLoopGroup group() {
        return group;
    }

    /** How far the most delayed model-stream event loop is behind, in nanoseconds. */
    public long lagNanos() {
        return lag.lagNanos();
    }

    @Override
    public void close() {
        lag.close();
        group.eventLoopGroup().shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
