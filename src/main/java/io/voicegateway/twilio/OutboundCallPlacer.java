package io.voicegateway.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import io.voicegateway.security.PhoneNumbers;
import io.voicegateway.server.GatewayProperties;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Places, hangs up and transfers calls through Twilio's REST API with the Twilio SDK. The REST client is built on first
 * use, so a gateway without Twilio credentials starts and answers a clear 503 instead. Every request runs on
 * {@link TwilioRestExecutor}'s own threads with connect/read timeouts (TWILIO_REST_*), and a caller waits for
 * it at most {@link TwilioRestProperties#worstCase()}.
 */
@Component
public class OutboundCallPlacer {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundCallPlacer.class);
    /** Twilio's "call is not in-progress; cannot redirect/complete" code: the call had already ended. */
    static final int ALREADY_ENDED = 21220;
    static final int NOT_FOUND = 20404;

    private final TwilioProperties twilio;
    private final GatewayProperties gateway;
    private final TwilioRestProperties rest;
    private final TwilioRestExecutor executor;
    private final AtomicReference<TwilioRestClient> client = new AtomicReference<>();

    public OutboundCallPlacer(TwilioProperties twilio, GatewayProperties gateway, TwilioRestProperties rest,
                              TwilioRestExecutor executor) {
        this.twilio = twilio;
        this.gateway = gateway;
        this.rest = rest;
        this.executor = executor;
    }

    /** Settings missing for outbound calls, as environment variable names; empty when it can place calls. */
    public List<String> missingSettings() {
        return twilio.missingForOutboundCalls();
    }

    /** Our Twilio number, the caller id of outbound calls. */
    public String callerId() {
        return twilio.phoneNumber() == null ? null : twilio.phoneNumber().trim();
    }

    /**
     * Asks Twilio to dial {@code to}; Twilio then fetches {@code /webhooks/voice/{callId}}.
     *
     * @return Twilio's CallSid and initial status
     * @throws TwilioCallException with Twilio's code and message when Twilio refuses
     */
    public Placed place(String callId, String to) {
        return await(executor.submit(() -> create(callId, to)), "placing call " + callId);
    }

    private Placed create(String callId, String to) {
        URI voiceUrl = URI.create(gateway.publicHttpUrl("/webhooks/voice/" + callId));
        try {
            Call call = Call.creator(new PhoneNumber(to), new PhoneNumber(twilio.phoneNumber().trim()), voiceUrl)
                    .setMethod(HttpMethod.POST)
                    .setStatusCallback(URI.create(gateway.publicHttpUrl("/webhooks/status")))
                    .setStatusCallbackMethod(HttpMethod.POST)
                    .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"))
                    .create(client());
            String status = call.getStatus() == null ? "queued" : call.getStatus().toString();
            LOG.info("Call {}: Twilio placed call {} to {} ({})", callId, call.getSid(), PhoneNumbers.mask(to), status);
            return new Placed(call.getSid(), status);
        } catch (ApiException e) {
            throw new TwilioCallException(e.getCode(), e.getStatusCode(), e.getMessage(), e);
        } catch (TwilioException e) {
            throw new TwilioCallException(null, null, e.getMessage(), e);
        }
    }

    /** Ends a call in progress; a call Twilio already ended counts as done. Waits for Twilio's answer. */
    public void hangUp(String callSid) {
        await(hangUpAsync(callSid), "hanging up " + callSid);
    }

    /** Ends a call in progress on the REST threads; the future fails with {@link TwilioCallException}. */
    public CompletableFuture<Void> hangUpAsync(String callSid) {
        try {
            return executor.submit(() -> {
                complete(callSid);
                return null;
            });
        } catch (TwilioRestExecutor.Busy e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Hands a live call to {@code to}: updates it with {@code <Dial><Number>} TwiML, which replaces our
     * {@code <Connect><Stream>} at once; Twilio then ends the media stream.
     * (https://www.twilio.com/docs/voice/tutorials/how-to-modify-calls-in-progress)
     *
     * @throws TwilioCallException with Twilio's code and message when Twilio refuses
     * @throws TwilioRestExecutor.Busy when every REST thread is busy and the queue is full
     */
    public void transfer(String callSid, String to) {
        await(executor.submit(() -> {
            redirect(callSid, to);
            return null;
        }), "transferring " + callSid);
    }

    private void redirect(String callSid, String to) {
        try {
            Call.updater(callSid).setTwiml(new com.twilio.type.Twiml(Twiml.dial(to, callerId()))).update(client());
        } catch (ApiException e) {
            throw new TwilioCallException(e.getCode(), e.getStatusCode(), e.getMessage(), e);
        } catch (TwilioException e) {
            throw new TwilioCallException(null, null, e.getMessage(), e);
        }
    }

    private void complete(String callSid) {
        try {
            Call.updater(callSid).setStatus(Call.UpdateStatus.COMPLETED).update(client());
        } catch (ApiException e) {
            if (e.getCode() == null || (e.getCode() != NOT_FOUND && e.getCode() != ALREADY_ENDED)) {
                throw new TwilioCallException(e.getCode(), e.getStatusCode(), e.getMessage(), e);
            }
        }
    }

    private TwilioRestClient client() {
        return client.updateAndGet(c -> c != null ? c : TwilioRestClientFactory.create(twilio, rest));
    }

    /** Waits for a REST request, bounded; turns every failure into a {@link TwilioCallException}. */
    private <T> T await(CompletableFuture<T> request, String what) {
        try {
            return request.get(rest.worstCase().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TwilioCallException t) {
                throw t;
            }
            throw new TwilioCallException(null, null, e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            request.cancel(true);
            throw new TwilioCallException(null, null, "Twilio did not answer within " + rest.worstCase().toSeconds()
                    + " s while " + what + " (TWILIO_REST_CONNECT_TIMEOUT, TWILIO_REST_READ_TIMEOUT)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwilioCallException(null, null, "interrupted while " + what, e);
        }
    }

    /** Twilio's answer to a call creation. */
    public record Placed(String callSid, String status) {
    }

    /** Twilio refused a REST request; carries Twilio's error code (e.g. 21211 invalid 'To') and message. */
    public static final class TwilioCallException extends RuntimeException {
        private final Integer code;
        private final Integer httpStatus;

        TwilioCallException(Integer code, Integer httpStatus, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
            this.httpStatus = httpStatus;
        }

        /** Twilio's error code, null when Twilio gave none (e.g. a timeout). */
        public Integer code() {
            return code;
        }

        public Map<String, Object> details() {
            return code == null ? Map.of() : Map.of("twilio_code", code, "twilio_status", httpStatus == null ? 0 : httpStatus);
        }
    }
}
