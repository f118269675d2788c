package io.voicegateway.nova.session;

import io.voicegateway.nova.NovaEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event per call, and fails the test if one call's events are ever delivered concurrently. */
final class RecordingListener implements NovaEventListener {

    private final Map<String, List<NovaEvent>> events = new ConcurrentHashMap<>();
    private final Map<String, Boolean> busy = new ConcurrentHashMap<>();
    private volatile boolean overlapped;

    @Override
    public void onEvent(String callId, NovaEvent event) {
        if (busy.put(callId, Boolean.TRUE) != null) {
            overlapped = true;
        }
        events.computeIfAbsent(callId, id -> new CopyOnWriteArrayList<>()).add(event);
        busy.remove(callId);
    }

    List<NovaEvent> of(String callId) {
        return List.copyOf(events.getOrDefault(callId, List.of()));
    }

    <T extends NovaEvent> List<T> of(String callId, Class<T> type) {
        return of(callId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<String> types(String callId) {
        return of(callId).stream().map(NovaEvent::type).toList();
    }

    boolean overlapped() {
        return overlapped;
    }
}
