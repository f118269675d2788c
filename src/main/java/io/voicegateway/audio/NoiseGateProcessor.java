package io.voicegateway.audio;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** Gates the {@code short[]} frame in place with the call's {@link NoiseGate}. */
@Component("noiseGate")
public class NoiseGateProcessor implements Processor {

    private final CallAudioStates states;

    public NoiseGateProcessor(CallAudioStates states) {
        this.states = states;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        short[] pcm = exchange.getMessage().getMandatoryBody(short[].class);
        states.get(CallIds.of(exchange)).noiseGate().apply(pcm, 0, pcm.length);
    }
}
