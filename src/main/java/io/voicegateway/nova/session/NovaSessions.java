package io.voicegateway.nova.session;

import io.voicegateway.nova.codec.InputEventWriter;
import io.voicegateway.nova.codec.OutputEventParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * Nova Sonic sessions keyed by call id, without Camel: {@link #open}, {@link #sendAudio}, {@link #sendText},
 * {@link #close}. The {@code nova-sonic:} component adapts it. Events reach the listener given at open, in order per
 * call. Owns its timer and delivery threads (closed by {@link #close()}); never the client.
 */
public final class NovaSessions implements AutoCloseable {

    private final SessionContext context;
    private final ExecutorService pool;
    private final Map<String, NovaSession> sessions = new ConcurrentHashMap<>();

    public NovaSessions(BedrockRuntimeAsyncClient client, NovaSettings settings) {
        this(client, settings, NovaSessionObserver.NONE);
    }

    public NovaSessions(BedrockRuntimeAsyncClient client, NovaSettings settings, NovaSessionObserver observer) {
        this.pool = Executors.newCachedThreadPool(daemonThreads("nova-events"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("nova-timer"));
        this.context = new SessionContext(client, settings, new InputEventWriter(), new OutputEventParser(), timer,
                pool, observer);
    }

    /** Opens a session for the call; returns at once, the stream opens in the background (errors become events). */
    public void open(String callId, SessionOptions options, NovaEventListener listener) {
        NovaSession session = new NovaSession(callId, options, context, listener, () -> sessions.remove(callId));
        if (sessions.putIfAbsent(callId, session) != null) {
            throw new IllegalStateException("call " + callId + " already has a Nova session");
        }
        session.open();
    }

    /** Queues one caller frame (PCM16 at nova.input-sample-rate); false when the call has no session. */
    public boolean sendAudio(String callId, short[] frame) {
        NovaSession session = sessions.get(callId);
        if (session == null) {
            return false;
        }
        session.sendAudio(frame);
        return true;
    }

    /** Sends caller text mid-call; false when the call has no session. */
    public boolean sendText(String callId, String text) {
        NovaSession session = sessions.get(callId);
        if (session == null) {
            return false;
        }
        session.sendText(text);
        return true;
    }

    /** Sends the result of the model's tool call {@code toolUseId}; false when the call has no session. */
    public boolean sendToolResult(String callId, String toolUseId, String content) {
        NovaSession session = sessions.get(callId);
        if (session == null) {
            return false;
        }
        session.sendToolResult(toolUseId, content);
        return true;
    }

    /** Closes the call's session; the future completes after SessionClosed was delivered (at once if none). */
    public CompletableFuture<Void> close(String callId) {
        NovaSession session = sessions.get(callId);
        return session == null ? CompletableFuture.completedFuture(null) : session.close("closed");
    }

    /** Call ids with a session. */
    public Set<String> callIds() {
        return Set.copyOf(sessions.keySet());
    }

    public NovaSettings settings() {
        return context.settings();
    }

    /** Closes every session (waiting up to the close timeout), then stops the threads. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        sessions.values().forEach(s -> closing.add(s.close("shutdown")));
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(context.settings().closeTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // closing is best effort at shutdown; each stream cancels itself after its own timeout
        }
        context.timer().shutdownNow();
        pool.shutdown();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
