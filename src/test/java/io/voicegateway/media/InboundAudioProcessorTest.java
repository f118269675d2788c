package io.voicegateway.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class InboundAudioProcessorTest {

    private final List<String> ran = new ArrayList<>();

    private Processor stage(String name) {
        return exchange -> {
            ran.add(name);
            exchange.getIn().setHeader(name, exchange.getIn().getBody()); // each stage sees the previous one's body
            exchange.getIn().setBody(name);
        };
    }

    @Test
    void theStagesRunInOrderOnTheFramesExchange() throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setBody("frame");

        new InboundAudioProcessor(stage("decode"), stage("gate"), stage("vad")).process(exchange);

        assertThat(ran).containsExactly("decode", "gate", "vad");
        assertThat(exchange.getIn().getHeader("decode")).isEqualTo("frame");
        assertThat(exchange.getIn().getHeader("vad")).isEqualTo("gate");
        assertThat(exchange.getIn().getBody()).isEqualTo("vad");
    }

    @Test
    void aFailingStageStopsTheFrameAndTheRouteSeesTheFailure() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        Processor failing = e -> {
            throw new IllegalStateException("bad frame");
        };

        assertThatThrownBy(() -> new InboundAudioProcessor(stage("decode"), failing, stage("vad")).process(exchange))
                .hasMessage("bad frame");
        assertThat(ran).containsExactly("decode"); // nothing after the failure touches the frame
    }
}
