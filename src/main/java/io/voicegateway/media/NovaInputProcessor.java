package io.voicegateway.media;

import io.voicegateway.audio.AudioHeaders;
import io.voicegateway.nova.NovaSonicConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Last step before the model: the caller's 8 kHz frame resampled to Nova's input rate (a copy: the model
 * stream sends it asynchronously), and the headers the {@code nova-sonic:} producer needs for AUDIO.
 */
@Component("novaInput")
public class NovaInputProcessor implements Processor {

    private final MediaCalls media;

    public NovaInputProcessor(MediaCalls media) {
        this.media = media;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        String callId = in.getHeader(AudioHeaders.CALL_ID, String.class);
        MediaCall call = media.get(callId).orElse(null);
        short[] frame = in.getBody(short[].class);
        if (call == null || frame == null) {
            in.setHeader(MediaHeaders.EVENT, "ignored");
            return;
        }
        in.setBody(call.toNova(frame));
        in.setHeader(NovaSonicConstants.OPERATION, "AUDIO");
        in.setHeader(NovaSonicConstants.CALL_ID, callId);
    }
}
