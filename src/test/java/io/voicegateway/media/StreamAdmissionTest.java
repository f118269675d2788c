package io.voicegateway.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.vertx.core.MultiMap;
import io.vertx.core.http.ServerWebSocket;
import io.voicegateway.call.Call;
import io.voicegateway.call.CallDirection;
import io.voicegateway.call.InMemoryCallRegistry;
import io.voicegateway.call.NewCall;
import io.voicegateway.server.GatewayMode;
import io.voicegateway.server.GatewayProperties;
import io.voicegateway.twilio.TwilioSignature;
import io.voicegateway.twilio.WebhookToken;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In production only Twilio's signed upgrades may open a stream; local mode also takes the softphone's unsigned ones. */
class StreamAdmissionTest {

    private static final String TOKEN = "auth-token-for-signatures";
    private final InMemoryCallRegistry calls = new InMemoryCallRegistry(10, Clock.systemUTC());
    private final Call call = calls.create(new NewCall(CallDirection.INBOUND, "+1", "+2", "matthew", "p"));

    private StreamAdmission admission(GatewayMode mode) {
        // mocked rather than built: the record's constructor grows with every gateway.* setting
        GatewayProperties gateway = mock(GatewayProperties.class);
        when(gateway.isLocal()).thenReturn(mode == GatewayMode.LOCAL);
        when(gateway.publicWebSocketUrl(anyString())).thenAnswer(i -> "wss://voice.example.com" + i.getArgument(0));
        WebhookToken token = mock(WebhookToken.class);
        when(token.value()).thenReturn(TOKEN);
        return new StreamAdmission(calls, gateway, token);
    }

    private ServerWebSocket upgrade(String signature) {
        ServerWebSocket socket = mock(ServerWebSocket.class);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (signature != null) {
            headers.add("X-Twilio-Signature", signature);
        }
        when(socket.headers()).thenReturn(headers);
        when(socket.uri()).thenReturn("/media-stream/" + call.callId());
        return socket;
    }

    @Test
    void anUnsignedUpgradeIsRefusedInProduction() {
        StreamAdmission.Decision decision = admission(GatewayMode.PRODUCTION).onOpen(call.callId(), upgrade(null), false);
        assertThat(decision.admitted()).isFalse();
        assertThat(decision.reason()).isEqualTo("unsigned");
    }

    @Test
    void aCorrectlySignedUpgradeIsAdmittedInProduction() {
        String signature = TwilioSignature.sign(TOKEN, "wss://voice.example.com/media-stream/" + call.callId(), Map.of());
        StreamAdmission.Decision decision = admission(GatewayMode.PRODUCTION).onOpen(call.callId(), upgrade(signature),
                false);
        assertThat(decision.admitted()).isTrue();
        assertThat(decision.call()).isSameAs(call);
    }

    @Test
    void aWronglySignedUpgradeIsRefusedInEveryMode() {
        String forged = TwilioSignature.sign("other", "wss://voice.example.com/media-stream/" + call.callId(), Map.of());
        assertThat(admission(GatewayMode.PRODUCTION).onOpen(call.callId(), upgrade(forged), false).reason())
                .isEqualTo("signature");
        assertThat(admission(GatewayMode.LOCAL).onOpen(call.callId(), upgrade(forged), false).reason())
                .isEqualTo("signature");
    }

    @Test
    void anUnsignedUpgradeIsAdmittedInLocalModeForTheSoftphone() {
        assertThat(admission(GatewayMode.LOCAL).onOpen(call.callId(), upgrade(null), false).admitted()).isTrue();
    }
}
