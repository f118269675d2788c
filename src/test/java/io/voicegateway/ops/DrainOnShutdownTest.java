package io.voicegateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicegateway.call.Call;
import io.voicegateway.call.CallDirection;
import io.voicegateway.call.InMemoryCallRegistry;
import io.voicegateway.call.NewCall;
import io.voicegateway.server.DrainState;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SIGTERM drains first, then waits for running calls, but never past the grace period. */
class DrainOnShutdownTest {

    private final InMemoryCallRegistry calls = new InMemoryCallRegistry(10, Clock.systemUTC());
    private final DrainState drain = new DrainState();

    @Test
    void stoppingDrainsAndReturnsOnceTheLastCallHasEnded() throws Exception {
        Call call = calls.create(new NewCall(CallDirection.LOCAL, "a", "b", "matthew", "p"));
        Thread hangUp = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            call.end("caller_hung_up");
        });
        hangUp.start();

        new DrainOnShutdown(drain, calls, Duration.ofSeconds(30)).stop();

        assertThat(drain.isDraining()).isTrue();
        assertThat(call.isEnded()).isTrue();
        assertThat(calls.activeCount()).isZero();
    }

    @Test
    void stoppingGivesUpOnCallsThatOutliveTheGracePeriod() {
        Call call = calls.create(new NewCall(CallDirection.LOCAL, "a", "b", "matthew", "p"));
        DrainOnShutdown shutdown = new DrainOnShutdown(drain, calls, Duration.ofMillis(300));
        shutdown.start();

        shutdown.stop();

        assertThat(shutdown.isRunning()).isFalse();
        assertThat(call.isEnded()).isFalse();
        assertThat(drain.isDraining()).isTrue();
    }
}
