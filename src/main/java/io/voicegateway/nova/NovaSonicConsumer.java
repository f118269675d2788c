package io.voicegateway.nova;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Turns each session event into an exchange: body the {@link NovaEvent}, headers {@link NovaSonicConstants#CALL_ID}
 * and {@link NovaSonicConstants#EVENT_TYPE}. Called on the call's serial event thread and processed synchronously
 * there, so one call's exchanges are routed in order while different calls run in parallel.
 */
public class NovaSonicConsumer extends DefaultConsumer {

    public NovaSonicConsumer(NovaSonicEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public NovaSonicEndpoint getEndpoint() {
        return (NovaSonicEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().dispatcher().register(this);
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().dispatcher().unregister(this);
        super.doStop();
    }

    /** One event of one call. */
    void onEvent(String callId, NovaEvent event) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(event);
            exchange.getIn().setHeader(NovaSonicConstants.CALL_ID, callId);
            exchange.getIn().setHeader(NovaSonicConstants.EVENT_TYPE, event.type());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error routing Nova event " + event.type() + " of call " + callId,
                    exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
    }
}
