package io.voicegateway.dtmf;

import io.voicegateway.audio.AudioHeaders;
import io.voicegateway.call.CallLifecycle;
import io.voicegateway.media.MediaHeaders;
import io.voicegateway.nova.session.NovaSessions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code dtmfToModel} step of the media-stream route's dtmf branch: collects each call's keys into entries
 * ({@link DtmfEntry}) and sends a finished entry to the call's model as caller text, after '#' or a pause
 * (dtmf.pause, timed on its own thread, never the frame thread). Per-call entries go when the call ends.
 */
@Component("dtmfToModel")
public class DtmfForwarder implements Processor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DtmfForwarder.class);
    /** One call's entry being typed and its pause timer; guarded by its own monitor. */
    private static final class Pending {
        private final DtmfEntry entry = new DtmfEntry();
        private ScheduledFuture<?> timer;

        synchronized void cancelTimer() {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    private final DtmfProperties properties;
    private final NovaSessions sessions;
    private final Map<String, Pending> calls = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dtmf-timer");
        thread.setDaemon(true);
        return thread;
    });

    public DtmfForwarder(DtmfProperties properties, NovaSessions sessions, CallLifecycle lifecycle) {
        this.properties = properties;
        this.sessions = sessions;
        lifecycle.onEnd((call, reason) -> release(call.callId()));
    }

    @Override
    public void process(Exchange exchange) {
        String callId = exchange.getIn().getHeader(AudioHeaders.CALL_ID, String.class);
        String key = exchange.getIn().getHeader(MediaHeaders.DTMF_DIGIT, String.class);
        if (properties.toModel() && callId != null && key != null) {
            pressed(callId, key);
        }
    }

    void pressed(String callId, String key) {
        Pending pending = calls.computeIfAbsent(callId, id -> new Pending());
        synchronized (pending) {
            pending.cancelTimer();
            String text = pending.entry.add(key);
            if (text != null) {
                send(callId, text);
            } else {
                pending.timer = timer.schedule(() -> send(callId, pending.entry.take()),
                        properties.pause().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void send(String callId, String text) {
        if (text != null && sessions.sendText(callId, text)) {
            LOG.info("Call {}: keypad entry sent to the model", callId);
        }
    }

    void release(String callId) {
        Pending pending = calls.remove(callId);
        if (pending != null) {
            pending.cancelTimer();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
