package io.voicegateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.voicegateway.call.CallDirection;
import io.voicegateway.call.InMemoryCallRegistry;
import io.voicegateway.call.NewCall;
import io.voicegateway.media.QueueingDelay;
import io.voicegateway.metrics.GatewayMetrics;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Rule: a new call is declined while draining, when MAX_CONCURRENT_CALLS calls are active, while inbound
 * frames wait longer than OVERLOAD_QUEUE_DELAY_MS, or while the model streams' event loops are more than
 * OVERLOAD_MODEL_LAG_MS behind; each decline is counted by its reason, and the API gets a 503
 * whose error is that reason.
 */
class CallAdmissionTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GatewayMetrics metrics = new GatewayMetrics(registry);
    private final OverloadProperties overload = new OverloadProperties(2, 100, 200, 500, 250);
    private final DrainState drain = new DrainState();
    private final InMemoryCallRegistry calls = new InMemoryCallRegistry(10, Clock.systemUTC());
    private final QueueingDelay queueing = new QueueingDelay(metrics, overload);
    private final AtomicLong modelLagNanos = new AtomicLong();
    private final CallAdmission admission = new CallAdmission(drain, calls, queueing, overload, metrics,
            modelLagNanos::get);

    private double declined(String reason) {
        return registry.get("gateway.calls.declined").tag("reason", reason).counter().count();
    }

    private void newCall() {
        calls.create(new NewCall(CallDirection.LOCAL, "local", "gateway", "matthew", "prompt"));
    }

    @Test
    void aNewCallIsAdmittedWhenNothingLimitsIt() {
        newCall();

        assertThat(admission.declineReason()).isNull();
        admission.admitNewCall();
        assertThat(registry.get("gateway.calls.declined").counters()).allMatch(c -> c.count() == 0);
    }

    @Test
    void whileDrainingANewCallIsDeclinedAsDraining() {
        drain.drain();

        assertThatThrownBy(admission::admitNewCall).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.error()).isEqualTo("draining");
        });
        assertThat(declined("draining")).isEqualTo(1);
    }

    @Test
    void atMaxConcurrentCallsANewCallIsDeclinedAndAdmittedAgainOnceOneEnds() {
        newCall();
        newCall();

        assertThatThrownBy(admission::admitNewCall).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.error()).isEqualTo("max_calls");
            assertThat(e.getMessage()).contains("MAX_CONCURRENT_CALLS");
        });
        assertThat(declined("max_calls")).isEqualTo(1);

        calls.active().get(0).end("completed");
        assertThat(admission.declineReason()).isNull();
    }

    @Test
    void whileFramesWaitLongerThanTheQueueDelayThresholdANewCallIsDeclinedAsOverloaded() {
        long ms = TimeUnit.MILLISECONDS.toNanos(1);
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            long at = start + i * 20 * ms;
            queueing.takeUp(at - 150 * ms, at);
        }
        long next = start + 1_100 * ms;
        queueing.takeUp(next - 150 * ms, next);

        assertThat(admission.declineReason()).isEqualTo("overloaded");
        assertThat(declined("overloaded")).isEqualTo(1);
    }

    @Test
    void whileTheModelStreamsEventLoopsLagANewCallIsDeclinedAsOverloadedAndAdmittedOnceTheyCatchUp() {
        modelLagNanos.set(TimeUnit.MILLISECONDS.toNanos(400)); // above OVERLOAD_MODEL_LAG_MS 250

        assertThatThrownBy(admission::admitNewCall).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.error()).isEqualTo("overloaded");
            assertThat(e.getMessage()).contains("OVERLOAD_MODEL_LAG_MS");
        });
        assertThat(declined("overloaded")).isEqualTo(1);

        modelLagNanos.set(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(admission.declineReason()).isNull();
        assertThat(declined("overloaded")).isEqualTo(1);
    }
}
