package io.voicegateway.call;

import java.util.List;
import java.util.Optional;

/** All calls this instance knows: active ones and a bounded number of ended ones. */
public interface CallRegistry {

    /** Creates a call with a random, unguessable id and stream token. */
    Call create(NewCall call);

    Optional<Call> find(String callId);

    Optional<Call> findByTwilioCallSid(String callSid);

    /** Records the Twilio CallSid of a call so status callbacks can find it. */
    void bindTwilioCallSid(Call call, String callSid);

    /** Moves a call to the ended list once it has ended (keeps retention bounded). */
    void ended(Call call);

    List<Call> active();

    /** Active calls, then ended ones, most recent first. */
    List<Call> all();

    int activeCount();

    /** True when the store answers (memory: always). */
    boolean isHealthy();
}
