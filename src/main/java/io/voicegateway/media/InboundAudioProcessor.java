package io.voicegateway.media;

import io.voicegateway.audio.MuLawDecodeProcessor;
import io.voicegateway.audio.NoiseGateProcessor;
import io.voicegateway.audio.VadProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * The caller's audio path for one 20 ms frame, as one route step: μ-law decode → noise gate → VAD → barge-in →
 * Nova's input rate (and chunking). Each stage stays its own processor and unit; run as five route steps, each
 * one went through Camel's channel, error handler and reactive scheduling on every frame, 50 times a second per
 * call, for no routing decision (the route only branches after them, on {@link MediaHeaders#NOVA_CHUNK_READY}).
 * A failure in any stage fails this step, so the route's error policy drops the frame exactly as before.
 */
@Component("inboundAudio")
public class InboundAudioProcessor implements Processor {

    private final Processor[] stages;

    @org.springframework.beans.factory.annotation.Autowired
    public InboundAudioProcessor(MuLawDecodeProcessor decode, NoiseGateProcessor noiseGate, VadProcessor vad,
                                 BargeInProcessor bargeIn, NovaInputProcessor novaInput) {
        this(new Processor[] {decode, noiseGate, vad, bargeIn, novaInput});
    }

    InboundAudioProcessor(Processor... stages) {
        this.stages = stages.clone();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        for (Processor stage : stages) {
            stage.process(exchange);
        }
    }
}
