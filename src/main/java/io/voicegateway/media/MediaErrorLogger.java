package io.voicegateway.media;

import io.voicegateway.audio.AudioHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Error policy of the media routes (routes/error-handling.camel.yaml): a failure on one frame or one model
 * event is logged with its call and dropped. It never closes the stream, and other calls never see it.
 */
@Component("mediaErrorLogger")
public class MediaErrorLogger implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(MediaErrorLogger.class);

    @Override
    public void process(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String callId = exchange.getIn().getHeader(AudioHeaders.CALL_ID, String.class);
        String event = exchange.getIn().getHeader(MediaHeaders.EVENT, String.class);
        LOG.warn("Call {}: {} dropped after an error in route {}: {}", callId, event == null ? "event" : event,
                exchange.getFromRouteId(), caught == null ? "unknown" : caught.toString());
        if (LOG.isDebugEnabled() && caught != null) {
            LOG.debug("Call {}: stack trace", callId, caught);
        }
    }
}
