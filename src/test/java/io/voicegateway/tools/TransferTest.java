package io.voicegateway.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.twilio.FakeTwilioApi;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /calls/{id}/transfer} and the transfer_call tool, through the real Twilio SDK against the local fake
 * of Twilio's REST API: the call is updated with {@code <Dial>} TwiML, the outcome is on the call record, the
 * number is masked in logs; calls that cannot be transferred get a clear error.
 */
@ExtendWith(OutputCaptureExtension.class)
class TransferTest extends GatewayTestSupport {

    private static final int TWILIO_PORT = freePort();
    private static FakeTwilioApi twilio;
    private final ObjectMapper mapper = new ObjectMapper();

    @Autowired
    private ProducerTemplate toolProducerTemplate;

    @DynamicPropertySource
    static void twilioAccount(DynamicPropertyRegistry registry) {
        registry.add("twilio.account-sid", () -> FakeTwilioApi.ACCOUNT_SID);
        registry.add("twilio.phone-number", () -> "+15550001111");
        registry.add("twilio.api-base-url", () -> "http://127.0.0.1:" + TWILIO_PORT);
        registry.add("tools.transfer-number", () -> "+15550002222");
    }

    @BeforeAll
    static void startTwilio() throws Exception {
        twilio = new FakeTwilioApi(TWILIO_PORT);
    }

    @AfterAll
    static void stopTwilio() throws Exception {
        twilio.close();
    }

    private String placeCall() throws Exception {
        HttpResponse<String> made = postJson("/make-call", "{\"to\":\"+14155550100\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        return mapper.readTree(made.body()).get("call_id").asText();
    }

    private JsonNode record(String callId) throws Exception {
        return mapper.readTree(get("/calls/" + callId).body());
    }

    @Test
    void aTransferUpdatesTheTwilioCallWithDialTwimlAndIsRecorded(CapturedOutput output) throws Exception {
        String callId = placeCall();
        String sid = record(callId).get("twilio_call_sid").asText();

        HttpResponse<String> response = postJson("/calls/" + callId + "/transfer", "{\"to\":\"+14155550177\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        FakeTwilioApi.Received update = twilio.received().get(twilio.received().size() - 1);
        assertThat(update.path()).isEqualTo("/2010-04-01/Accounts/" + FakeTwilioApi.ACCOUNT_SID + "/Calls/" + sid + ".json");
        assertThat(update.first("Twiml")).contains("<Dial callerId=\"+15550001111\"><Number>+14155550177</Number></Dial>");
        JsonNode record = record(callId);
        assertThat(record.at("/transfer/to").asText()).isEqualTo("+14155550177");
        assertThat(record.at("/transfer/outcome").asText()).isEqualTo("ok");
        assertThat(record.get("end_reason").asText()).isEqualTo("transferred");
        assertThat(output.getAll()).contains("transferred to +1******0177").doesNotContain("to +14155550177");
    }

    @Test
    void aTransferTwilioRefusesIs502AndRecordedAsFailed() throws Exception {
        String callId = placeCall();

        HttpResponse<String> response = postJson("/calls/" + callId + "/transfer", "{\"to\":\"+15005550009\"}");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(mapper.readTree(response.body()).get("error").asText()).isEqualTo("twilio_error");
        JsonNode record = record(callId);
        assertThat(record.at("/transfer/outcome").asText()).isEqualTo("failed");
        assertThat(record.at("/transfer/error").asText()).contains("13223");
        assertThat(record.get("ended_at").isNull()).isTrue();
    }

    @Test
    void aLocalCallWithoutTwilioCallIsRefusedWith409() throws Exception {
        String callId = mapper.readTree(postJson("/local/calls", "{}").body()).get("call_id").asText();

        HttpResponse<String> response = postJson("/calls/" + callId + "/transfer", "{\"to\":\"+14155550177\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(mapper.readTree(response.body()).get("error").asText()).isEqualTo("not_a_twilio_call");
    }

    @Test
    void aNumberThatIsNotE164Is400AndAnUnknownCall404() throws Exception {
        String callId = placeCall();
        assertThat(postJson("/calls/" + callId + "/transfer", "{\"to\":\"call mum\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("/calls/nope/transfer", "{\"to\":\"+14155550177\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void theTransferToolDialsTheConfiguredNumber() throws Exception {
        String callId = placeCall();

        String reply = toolProducerTemplate.requestBodyAndHeaders("direct:tool-transfer",
                "{\"reason\":\"wants a person\"}", Map.of(ToolHeaders.CALL_ID, callId), String.class);

        assertThat(mapper.readTree(reply).get("status").asText()).isEqualTo("transferred");
        assertThat(twilio.received().get(twilio.received().size() - 1).first("Twiml"))
                .contains("<Number>+15550002222</Number>");
        assertThat(record(callId).at("/transfer/outcome").asText()).isEqualTo("ok");
    }

    @Test
    void theTransferToolAnswersAnErrorTheModelCanSpeakAboutForALocalCall() throws Exception {
        String callId = mapper.readTree(postJson("/local/calls", "{}").body()).get("call_id").asText();

        String reply = toolProducerTemplate.requestBodyAndHeaders("direct:tool-transfer", "{}",
                Map.of(ToolHeaders.CALL_ID, callId), String.class);

        assertThat(mapper.readTree(reply).get("error").asText()).isEqualTo("not_a_twilio_call");
    }
}
