package io.voicegateway.call;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Call registry for one instance: thread-safe maps, ended calls kept up to a bound (oldest dropped first). */
public final class InMemoryCallRegistry implements CallRegistry {

    private static final Base64.Encoder ID_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Map<String, String> callIdBySid = new ConcurrentHashMap<>();
    private final Deque<Call> endedOrder = new ArrayDeque<>();
    private final SecureRandom random = new SecureRandom();
    private final int endedRetained;
    private final Clock clock;
    private final PrivacyProperties.CallPrivacy privacy;

    public InMemoryCallRegistry(int endedRetained, Clock clock) {
        this(endedRetained, clock, PrivacyProperties.KEEP_ALL);
    }

    public InMemoryCallRegistry(int endedRetained, Clock clock, PrivacyProperties.CallPrivacy privacy) {
        this.endedRetained = endedRetained;
        this.clock = clock;
        this.privacy = privacy;
    }

    @Override
    public Call create(NewCall spec) {
        String callId;
        do {
            callId = randomId(16); // 128 bits: unguessable, URL-safe
        } while (calls.containsKey(callId));
        Call call = new Call(callId, randomId(24), spec.direction(), spec.from(), spec.to(), spec.voiceId(),
                spec.systemPrompt(), clock, privacy);
        calls.put(callId, call);
        return call;
    }

    @Override
    public Optional<Call> find(String callId) {
        return callId == null ? Optional.empty() : Optional.ofNullable(calls.get(callId));
    }

    @Override
    public Optional<Call> findByTwilioCallSid(String callSid) {
        return callSid == null ? Optional.empty() : Optional.ofNullable(callIdBySid.get(callSid)).flatMap(this::find);
    }

    @Override
    public void bindTwilioCallSid(Call call, String callSid) {
        call.setTwilioCallSid(callSid);
        callIdBySid.put(callSid, call.callId());
    }

    @Override
    public void ended(Call call) {
        synchronized (endedOrder) {
            if (endedOrder.contains(call)) {
                return;
            }
            endedOrder.addLast(call);
            while (endedOrder.size() > endedRetained) {
                forget(endedOrder.removeFirst());
            }
        }
    }

    private void forget(Call call) {
        calls.remove(call.callId());
        call.twilioCallSid().ifPresent(callIdBySid::remove);
    }

    @Override
    public List<Call> active() {
        return calls.values().stream().filter(c -> !c.isEnded())
                .sorted(Comparator.comparing(Call::createdAt).reversed()).toList();
    }

    @Override
    public List<Call> all() {
        List<Call> ended;
        synchronized (endedOrder) {
            ended = List.copyOf(endedOrder);
        }
        List<Call> endedNewestFirst = new ArrayList<>(ended);
        Collections.reverse(endedNewestFirst);
        return Stream.concat(active().stream(), endedNewestFirst.stream()).toList();
    }

    @Override
    public int activeCount() {
        return (int) calls.values().stream().filter(c -> !c.isEnded()).count();
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    private String randomId(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return ID_ENCODER.encodeToString(b);
    }
}
