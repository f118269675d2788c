package io.voicegateway.nova.session;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews a session's stream before Bedrock's 8-minute cap, as AWS's session-continuation sample does: after
 * {@code nova.renew-after} the next stream is opened early (sessionStart, promptStart, SYSTEM prompt); at the next
 * turn boundary (the model's END_TURN) it gets the conversation as text history and the caller's unanswered audio,
 * becomes the active stream, and the old one is closed. Without a turn boundary within {@link #GRACE} it switches
 * anyway. Runs on the session's serial executor.
 */
final class Renewal {

    private static final Logger LOG = LoggerFactory.getLogger(Renewal.class);
    /** Longest wait for a turn boundary once renewal is due; renew-after (6 min) + 60 s stays under the 8-min cap. */
    static final Duration GRACE = Duration.ofSeconds(60);

    private final NovaSession session;
    private final SessionContext context;
    private NovaStream timedStream;
    private ScheduledFuture<?> dueTimer;
    private ScheduledFuture<?> graceTimer;
    private NovaStream next;

    Renewal(NovaSession session, SessionContext context) {
        this.session = session;
        this.context = context;
    }

    /** The active stream is established: renewal is due {@code renew-after} from now. */
    void streamOpened(NovaStream stream) {
        if (stream == timedStream) {
            return;
        }
        cancelTimers();
        timedStream = stream;
        dueTimer = context.timer().schedule(() -> session.onSerial(this::due),
                session.renewAfter().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A turn ended on the active stream: the moment to hand over if renewal is due. */
    void turnEnded() {
        if (next != null) {
            switchNow();
        }
    }

    /** A stream failed; if it was the pre-opened one, try again a little later. */
    void streamFailed(NovaStream stream) {
        if (stream == next) {
            LOG.warn("call {}: opening the renewal stream failed; retrying", session.callId());
            next = null;
            dueTimer = context.timer().schedule(() -> session.onSerial(this::due),
                    context.settings().openBackoff().toMillis() * 4, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops renewing; closes a pre-opened stream. */
    CompletableFuture<Void> cancel() {
        cancelTimers();
        NovaStream pending = next;
        next = null;
        return pending == null ? CompletableFuture.completedFuture(null) : pending.close();
    }

    private void due() {
        if (session.isClosed() || next != null) {
            return;
        }
        LOG.info("call {}: renewing the Nova stream; switching at the next turn boundary", session.callId());
        next = session.newStream();
        graceTimer = context.timer().schedule(() -> session.onSerial(this::switchNow),
                GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void switchNow() {
        if (session.isClosed() || next == null) {
            return;
        }
        NovaStream stream = next;
        next = null;
        cancelTimers();
        stream.sendHistory(session.historySnapshot());
        stream.startAudio();
        session.replay().snapshot().forEach(stream::sendAudio);
        session.switchTo(stream);
        LOG.info("call {}: switched to the renewed Nova stream", session.callId());
        if (stream.opened()) {
            streamOpened(stream);
        }
    }

    private void cancelTimers() {
        if (dueTimer != null) {
            dueTimer.cancel(false);
        }
        if (graceTimer != null) {
            graceTimer.cancel(false);
        }
        timedStream = null;
    }
}
