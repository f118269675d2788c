package io.voicegateway.nova;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voicegateway.nova.codec.Pcm16;
import io.voicegateway.nova.session.NovaSessions;
import io.voicegateway.nova.session.NovaSettings;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamInput;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamResponseHandler;

/**
 * Measures the gateway's own cost per output chunk: from the moment the SDK hands a chunk to our response handler
 * to the moment a {@code from: nova-sonic:events} route processes its exchange (parse, map, per-call hop, Camel
 * exchange). A stub client plays the SDK's part so the start time is exact. Not part of the default suite (name);
 * run: {@code ./mvnw -q test -Dtest=ChunkOverheadMeasurement -Dmeasure=true} and read target/surefire-reports/*Measurement-output.txt.
 */
class ChunkOverheadMeasurement {

    private static final int WARMUP = 5_000;
    private static final int MEASURED = 20_000;
    /** 100 ms of 8 kHz audio per chunk, base64 in the JSON as Nova sends it. */
    private static final String CHUNK_JSON = "{\"event\":{\"audioOutput\":{\"completionId\":\"c\",\"contentId\":\"a\","
            + "\"promptName\":\"p\",\"sessionId\":\"s\",\"content\":\"" + Pcm16.toBase64(new short[800]) + "\"}}}";

    private final long[] sent = new long[WARMUP + MEASURED];
    private final long[] routed = new long[WARMUP + MEASURED];
    private final AtomicInteger routedCount = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);

    @Test
    void measurePerChunkOverhead() throws Exception {
        assumeTrue(Boolean.getBoolean("measure"), "a measurement, not a test: run with -Dmeasure=true");
        StubClient client = new StubClient();
        try (NovaSessions sessions = new NovaSessions(client, NovaSettings.defaults())) {
            CamelContext camel = new DefaultCamelContext();
            NovaSonicComponent component = new NovaSonicComponent();
            component.setSessions(sessions);
            camel.addComponent("nova-sonic", component);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to("nova-sonic:session");
                    from("nova-sonic:events").routeId("events").process(exchange -> {
                        if (exchange.getIn().getBody() instanceof NovaEvent.AssistantAudio) {
                            int i = routedCount.getAndIncrement();
                            routed[i] = System.nanoTime();
                            if (i == sent.length - 1) {
                                done.countDown();
                            }
                        }
                    });
                }
            });
            camel.start();
            camel.createProducerTemplate().sendBodyAndHeaders("direct:in", null,
                    java.util.Map.of(NovaSonicConstants.OPERATION, "OPEN", NovaSonicConstants.CALL_ID, "m"));
            client.emitAll();
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + routedCount.get() + " chunks were routed");
            }
            camel.stop();
        }
        long[] micros = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            micros[i] = (routed[WARMUP + i] - sent[WARMUP + i]) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf("per-chunk overhead over %d chunks: p50 %d us, p90 %d us, p99 %d us, max %d us, mean %.1f us%n",
                MEASURED, micros[MEASURED / 2], micros[MEASURED * 9 / 10], micros[MEASURED * 99 / 100],
                micros[MEASURED - 1], Arrays.stream(micros).average().orElse(0));
    }

    /** Plays the SDK: answers at once, then hands chunks to the response handler one at a time, 200 us apart. */
    private final class StubClient implements BedrockRuntimeAsyncClient {
        private volatile Subscriber<? super InvokeModelWithBidirectionalStreamOutput> subscriber;
        private final CountDownLatch subscribed = new CountDownLatch(1);

        @Override
        public CompletableFuture<Void> invokeModelWithBidirectionalStream(InvokeModelWithBidirectionalStreamRequest r,
                Publisher<InvokeModelWithBidirectionalStreamInput> input,
                InvokeModelWithBidirectionalStreamResponseHandler handler) {
            input.subscribe(new Subscriber<>() {
                public void onSubscribe(Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                public void onNext(InvokeModelWithBidirectionalStreamInput item) {
                }

                public void onError(Throwable t) {
                }

                public void onComplete() {
                }
            });
            handler.responseReceived(InvokeModelWithBidirectionalStreamResponse.builder().build());
            handler.onEventStream(SdkPublisher.adapt(s -> {
                subscriber = s;
                s.onSubscribe(new Subscription() {
                    public void request(long n) {
                    }

                    public void cancel() {
                    }
                });
                subscribed.countDown();
            }));
            return new CompletableFuture<>();
        }

        void emitAll() throws InterruptedException {
            subscribed.await(10, TimeUnit.SECONDS);
            for (int i = 0; i < sent.length; i++) {
                // the SDK delivers its chunk subtype (the one accept(visitor) dispatches on), made by chunkBuilder()
                InvokeModelWithBidirectionalStreamOutput chunk = InvokeModelWithBidirectionalStreamOutput.chunkBuilder()
                        .bytes(software.amazon.awssdk.core.SdkBytes.fromUtf8String(CHUNK_JSON)).build();
                sent[i] = System.nanoTime();
                subscriber.onNext(chunk);
                LockSupport.parkNanos(200_000);
            }
        }

        @Override
        public String serviceName() {
            return "bedrock";
        }

        @Override
        public void close() {
        }
    }
}
