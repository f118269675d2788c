package io.voicegateway.media;

import com.twilio.security.RequestValidator;
import io.vertx.core.http.ServerWebSocket;
import io.voicegateway.call.Call;
import io.voicegateway.call.CallRegistry;
import io.voicegateway.server.GatewayProperties;
import io.voicegateway.twilio.Twiml;
import io.voicegateway.twilio.TwilioHeaders;
import io.voicegateway.twilio.TwilioMessage;
import io.voicegateway.twilio.WebhookToken;
import java.util.Map;

/**
 * Who may stream: only calls our webhook (or /local/calls) created, each with its own token in
 * {@code start.customParameters}; when Twilio signs the WebSocket upgrade ({@code X-Twilio-Signature} over the
 * wss URL), the signature must match too, and in production an unsigned upgrade is refused (Twilio always signs
 * it; local mode accepts unsigned ones from the softphone and the simulator). One stream per call, claimed only
 * by a {@code start} with the right token. A refusal names its reason for the log.
 */
final class StreamAdmission {

    private final CallRegistry calls;
    private final GatewayProperties gateway;
    private final RequestValidator validator;

    StreamAdmission(CallRegistry calls, GatewayProperties gateway, WebhookToken token) {
        this.calls = calls;
        this.gateway = gateway;
        this.validator = new RequestValidator(token.value());
    }

    /** Decides on a new connection; {@code streaming} tells whether the call already has a started stream. */
    Decision onOpen(String callId, ServerWebSocket socket, boolean streaming) {
        Call call = calls.find(callId).orElse(null);
        if (call == null) {
            return Decision.refuse("unknown_call", "unknown call id");
        }
        if (call.isEnded()) {
            return Decision.refuse("ended_call", "call already ended");
        }
        if (streaming) {
            return Decision.refuse("duplicate_stream", "call already has a media stream");
        }
        String signature = socket.headers().get(TwilioHeaders.SIGNATURE);
        if (signature == null && !gateway.isLocal()) {
            return Decision.refuse("unsigned", "upgrade request without X-Twilio-Signature (required in production)");
        }
        if (signature != null) {
            String url = gateway.publicWebSocketUrl(socket.uri());
            if (!validator.validate(url, Map.of(), signature)) {
                return Decision.refuse("signature", "X-Twilio-Signature of the upgrade request does not match " + url);
            }
        }
        return new Decision(call, null, null);
    }

    /** Checks the {@code start} message's token against the call's (constant-time). */
    String refusalOnStart(Call call, TwilioMessage.Start start) {
        String token = start.customParameters() == null ? null : start.customParameters().get(Twiml.TOKEN_PARAMETER);
        if (token == null) {
            return "start without the stream token parameter";
        }
        return call.hasStreamToken(token) ? null : "wrong stream token";
    }

    /** The call admitted, or why not: {@code reason} a metric tag, {@code refusal} the sentence for the log. */
    record Decision(Call call, String reason, String refusal) {
        static Decision refuse(String reason, String refusal) {
            return new Decision(null, reason, refusal);
        }

        boolean admitted() {
            return refusal == null;
        }
    }
}
