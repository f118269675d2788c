package io.voicegateway.media;

import io.voicegateway.audio.AudioHeaders;
import io.voicegateway.audio.AudioProperties;
import io.voicegateway.nova.NovaSonicConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Last step before the model: the caller's 8 kHz frame resampled to Nova's input rate (a copy: the model
 * stream sends it asynchronously), and the headers the {@code nova-sonic:} producer needs for AUDIO. With
 * {@code audio.nova-chunk-ms} above 20, frames are joined into longer chunks and {@link MediaHeaders#NOVA_CHUNK_READY}
 * tells the route whether this frame completed one.
 */
@Component("novaInput")
public class NovaInputProcessor implements Processor {

    private final MediaCalls media;
    private final int framesPerChunk;

    public NovaInputProcessor(MediaCalls media, AudioProperties audio) {
        this.media = media;
        this.framesPerChunk = audio.novaChunkMs() / 20;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        String callId = in.getHeader(AudioHeaders.CALL_ID, String.class);
        MediaCall call = media.get(callId).orElse(null);
        short[] frame = in.getBody(short[].class);
        if (call == null || frame == null) {
            in.setHeader(MediaHeaders.EVENT, "ignored");
            in.setHeader(MediaHeaders.NOVA_CHUNK_READY, false);
            return;
        }
        short[] chunk = call.novaChunker(framesPerChunk).add(call.toNova(frame));
        in.setHeader(MediaHeaders.NOVA_CHUNK_READY, chunk != null);
        if (chunk == null) {
            return;
        }
        in.setBody(chunk);
        in.setHeader(NovaSonicConstants.OPERATION, "AUDIO");
        in.setHeader(NovaSonicConstants.CALL_ID, callId);
    }
}
