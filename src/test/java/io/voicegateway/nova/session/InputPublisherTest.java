package io.voicegateway.nova.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.bedrockruntime.model.BidirectionalInputPayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamInput;

/** The input queue of one model stream is bounded: a stalled stream refuses input instead of growing. */
class InputPublisherTest {

    @Test
    void aStreamThatTakesNothingRefusesInputOnceItsQueueIsFull() {
        InputPublisher input = new InputPublisher();
        for (int i = 0; i < InputPublisher.MAX_QUEUED; i++) {
            assertThat(input.offer("{\"n\":" + i + "}")).isTrue();
        }
        assertThat(input.full()).isTrue();
        assertThat(input.offer("{\"n\":-1}")).isFalse();
    }

    @Test
    void demandFromTheSdkEmptiesTheQueueInOrderAndInputIsTakenAgain() {
        InputPublisher input = new InputPublisher();
        for (int i = 0; i < InputPublisher.MAX_QUEUED; i++) {
            input.offer("{\"n\":" + i + "}");
        }
        List<String> received = new ArrayList<>();
        input.subscribe(new Subscriber<InvokeModelWithBidirectionalStreamInput>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(InvokeModelWithBidirectionalStreamInput chunk) {
                received.add(((BidirectionalInputPayloadPart) chunk).bytes().asUtf8String());
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onComplete() {
            }
        });
        assertThat(received).hasSize(InputPublisher.MAX_QUEUED).startsWith("{\"n\":0}").endsWith("{\"n\":999}");
        assertThat(input.full()).isFalse();
        assertThat(input.offer("{\"n\":1000}")).isTrue();
        assertThat(received).endsWith("{\"n\":1000}");
    }
}
