package io.voicegateway.nova.session;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamInput;

/**
 * The input side of one stream: callers {@link #offer} event JSON from any thread without blocking; the SDK pulls
 * chunks as it has demand. Events offered before the SDK subscribes wait in the queue (bounded by
 * {@value #MAX_QUEUED}: a stalled stream drops input instead of growing without limit). Single subscriber.
 */
final class InputPublisher implements Publisher<InvokeModelWithBidirectionalStreamInput> {

    /** 1,000 events is 20 s of 20 ms frames: far beyond any healthy backlog. */
    static final int MAX_QUEUED = 1000;

    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private volatile Subscriber<? super InvokeModelWithBidirectionalStreamInput> subscriber;
    private volatile boolean completed;
    private volatile boolean cancelled;

    @Override
    public void subscribe(Subscriber<? super InvokeModelWithBidirectionalStreamInput> s) {
        if (!subscribed.compareAndSet(false, true)) {
            s.onSubscribe(new NoopSubscription());
            s.onError(new IllegalStateException("the input of a Nova stream has one subscriber"));
            return;
        }
        subscriber = s;
        s.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                if (n > 0) {
                    demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
                    drain();
                }
            }

            @Override
            public void cancel() {
                cancelled = true;
                queue.clear();
            }
        });
        drain();
    }

    /** Queues one event JSON; false when the stream is finished or the queue is full. */
    boolean offer(String eventJson) {
        if (completed || cancelled || full()) {
            return false;
        }
        queue.add(eventJson);
        queued.incrementAndGet();
        drain();
        return true;
    }

    /** True while the queue holds {@value #MAX_QUEUED} events: offers are refused until the SDK takes some. */
    boolean full() {
        return queued.get() >= MAX_QUEUED;
    }

    /** No more events: the SDK sends what is queued, then ends the request stream. */
    void complete() {
        completed = true;
        drain();
    }

    /** True once the SDK cancelled (the stream failed or ended). */
    boolean cancelled() {
        return cancelled;
    }

    private void drain() {
        if (subscriber == null || wip.getAndIncrement() != 0) {
            return;
        }
        do {
            emitWhileDemand();
        } while (wip.decrementAndGet() != 0);
    }

    private void emitWhileDemand() {
        Subscriber<? super InvokeModelWithBidirectionalStreamInput> s = subscriber;
        while (!cancelled && demand.get() > 0) {
            String json = queue.poll();
            if (json == null) {
                break;
            }
            queued.decrementAndGet();
            demand.decrementAndGet();
            s.onNext(InvokeModelWithBidirectionalStreamInput.chunkBuilder()
                    .bytes(SdkBytes.fromUtf8String(json)).build());
        }
        if (completed && !cancelled && queue.isEmpty()) {
            cancelled = true;
            s.onComplete();
        }
    }

    private static final class NoopSubscription implements Subscription {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    }
}
