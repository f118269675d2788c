package io.voicegateway.nova;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rule: the lag of a group is how far its most delayed loop is behind; a loop held busy shows a growing lag while
 * it is busy (its probe is overdue) and none once it is free again; a group that shuts down shows none.
 */
class EventLoopLagTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final EventLoopGroup group = new DefaultEventLoopGroup(2);

    @AfterEach
    void shutDown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    @Test
    void aLoopHeldBusyShowsItsLagWhileBusyAndNoneOnceFree() throws Exception {
        try (EventLoopLag lag = new EventLoopLag(group, Duration.ofMillis(10))) {
            CountDownLatch release = new CountDownLatch(1);
            group.next().execute(() -> {
                try {
                    release.await(30, TimeUnit.SECONDS); // a loop stuck on one long task, as a starved loop is
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            await().atMost(Duration.ofSeconds(10)).until(() -> lag.lagNanos() > 300 * MS);
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> lag.lagNanos() < 100 * MS);
        }
    }

    @Test
    void aGroupThatShutsDownIsNotReportedAsLate() throws Exception {
        try (EventLoopLag lag = new EventLoopLag(group, Duration.ofMillis(10))) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            Thread.sleep(50); // long past the probes' due times: they will never run

            assertThat(lag.lagNanos()).isZero();
        }
    }
}
