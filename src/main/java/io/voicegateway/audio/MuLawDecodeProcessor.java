package io.voicegateway.audio;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** Body {@code byte[]} μ-law (one 20 ms frame, 160 bytes) to body {@code short[]} PCM16 at 8 kHz. */
@Component("muLawDecode")
public class MuLawDecodeProcessor implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        byte[] ulaw = message.getMandatoryBody(byte[].class);
        short[] pcm = new short[ulaw.length];
        MuLaw.decode(ulaw, 0, pcm, 0, ulaw.length);
        message.setBody(pcm);
    }
}
