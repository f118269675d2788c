package io.voicegateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.voicegateway.server.GatewayMode;
import io.voicegateway.server.GatewayProperties;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Twilio REST requests run on their own small pool, refuse a burst beyond it at once, and give up on a Twilio
 * that accepts the connection but never answers (the SDK alone would wait forever: its per-request config
 * has no response timeout).
 */
class TwilioRestIsolationTest {

    private static final TwilioProperties ACCOUNT =
            new TwilioProperties("AC123", "token", "+15550001111", "https://api.twilio.com", true);
    private static final GatewayProperties GATEWAY = new GatewayProperties(GatewayMode.LOCAL, 7860, "voice.example.com",
            true, 600, "memory", 500, "matthew", "prompt");

    @Test
    void requestsRunOnTheTwilioRestThreads() throws Exception {
        TwilioRestExecutor executor = new TwilioRestExecutor(TwilioRestProperties.defaults());
        try {
            String thread = executor.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
            assertThat(thread).startsWith("twilio-rest-");
        } finally {
            executor.destroy();
        }
    }

    @Test
    void aBurstBeyondThreadsAndQueueIsRefusedAtOnce() throws Exception {
        TwilioRestExecutor executor = new TwilioRestExecutor(
                new TwilioRestProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1));
        CountDownLatch release = new CountDownLatch(1);
        try {
            List<CompletableFuture<Object>> held = new ArrayList<>();
            held.add(executor.submit(() -> release.await(10, TimeUnit.SECONDS)));
            held.add(executor.submit(() -> release.await(10, TimeUnit.SECONDS)));
            assertThatThrownBy(() -> executor.submit(() -> "third"))
                    .isInstanceOf(TwilioRestExecutor.Busy.class).hasMessageContaining("TWILIO_REST_THREADS");
            release.countDown();
            for (CompletableFuture<Object> f : held) {
                assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(true);
            }
        } finally {
            release.countDown();
            executor.destroy();
        }
    }

    @Test
    void aTwilioThatNeverAnswersFailsThePlacementAfterTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // accept, read nothing, answer nothing
                    }
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            TwilioProperties account = new TwilioProperties("AC123", "token", "+15550001111",
                    "http://127.0.0.1:" + silent.getLocalPort(), true);
            TwilioRestProperties rest = new TwilioRestProperties(Duration.ofSeconds(1), Duration.ofMillis(500), 2, 2);
            TwilioRestExecutor executor = new TwilioRestExecutor(rest);
            try {
                OutboundCallPlacer placer = new OutboundCallPlacer(account, GATEWAY, rest, executor);
                // the bound is generous (the timeout is 0.5 s); without our timeouts this would never return
                assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                        assertThatThrownBy(() -> placer.place("call-1", "+14155550100"))
                                .isInstanceOf(OutboundCallPlacer.TwilioCallException.class)
                                // the HTTP client's own read timeout, not our outer bound on the wait
                                .hasMessageNotContaining("did not answer within")
                                .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class));
                assertThat(accepted).isNotEmpty();
            } finally {
                executor.destroy();
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        TwilioRestProperties defaults = TwilioRestProperties.defaults();
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ACCOUNT.missingForOutboundCalls()).isEmpty();
    }
}
