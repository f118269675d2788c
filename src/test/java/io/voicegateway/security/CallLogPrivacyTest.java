package io.voicegateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.audio.AudioFiles;
import io.voicegateway.cli.CallerAudio;
import io.voicegateway.media.TwilioStreamClient;
import io.voicegateway.twilio.TwilioSignature;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The whole log output of one inbound call at the default level (INFO) — voice webhook with a known caller
 * number, a media stream with speech the model answers, DTMF key presses, hang-up — contains no full phone
 * number, no transcript text and no digit, while the call record has all three.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallLogPrivacyTest extends GatewayTestSupport {

    private static final String CALLER = "+14155550123";
    private static final String OUR_NUMBER = "+15550001111";
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private static final Pattern STREAM = Pattern.compile("/media-stream/([^\"]+)\"");
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aCallsLogHasNoPhoneNumberTranscriptOrDigits(CapturedOutput output) throws Exception {
        Map<String, String> params = Map.of("CallSid", "CA-pii-1", "From", CALLER, "To", OUR_NUMBER);
        HttpResponse<String> twiml = postForm("/webhooks/voice", params,
                TwilioSignature.sign(AUTH_TOKEN, baseUrl() + "/webhooks/voice", params));
        assertThat(twiml.statusCode()).isEqualTo(200);
        String callId = group(STREAM, twiml.body());
        String token = group(TOKEN, twiml.body());

        CallerAudio speech = new CallerAudio(AudioFiles.read(Path.of("src/test/resources/audio/one-utterance.wav")));
        byte[] silence = new byte[160];
        Arrays.fill(silence, (byte) 0xFF);
        Vertx vertx = Vertx.vertx();
        try (TwilioStreamClient twilio = new TwilioStreamClient(vertx, PORT, callId)) {
            twilio.start(token);
            for (int i = 0; i < speech.frameCount(); i++) {
                twilio.media(speech.frame(i));
            }
            twilio.dtmf("7");
            twilio.dtmf("3");
            twilio.dtmf("9");
            for (int i = 0; i < 75; i++) {
                twilio.media(silence);
            }
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    record(callId).get("transcript").findValuesAsText("role").contains("ASSISTANT"));
            twilio.stop();
            twilio.awaitClose(10);
        } finally {
            vertx.close();
        }
        JsonNode record = record(callId);
        assertThat(record.get("from").asText()).isEqualTo(CALLER);
        assertThat(record.get("dtmf").asText()).isEqualTo("739");

        String log = output.getAll();
        // the capture saw the call: masked number, key presses and turns are there, without their contents
        assertThat(log).contains("Inbound call " + callId + " from +1******0123 to +1******1111",
                "DTMF key pressed", "USER text", "ASSISTANT text");
        assertThat(log).doesNotContain(CALLER, CALLER.substring(1), CALLER.substring(2), OUR_NUMBER.substring(2));
        assertThat(log).doesNotContain("739");
        assertThat(log).doesNotContainPattern("DTMF\\W*[0-9*#]");
        for (String text : record.get("transcript").findValuesAsText("text")) {
            assertThat(text).isNotBlank();
            assertThat(log).doesNotContain(text.trim());
        }
    }

    private JsonNode record(String callId) throws Exception {
        return mapper.readTree(get("/calls/" + callId).body());
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(pattern + " in " + text).isTrue();
        return m.group(1);
    }
}
