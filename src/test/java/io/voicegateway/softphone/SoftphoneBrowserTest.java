package io.voicegateway.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The softphone in a real browser: headless Chromium, its fake microphone playing one-utterance.wav, calls the
 * gateway (local mode, emulated Nova Sonic) from the page at /, is heard, gets the echoed reply played back,
 * shows the transcript, and hangs up. Skipped with the reason when chromium or chromedriver is not installed
 * (.ci/run installs both: apt-get install chromium chromium-driver).
 */
class SoftphoneBrowserTest extends SoftphoneBrowserSupport {

    /**
     * Chromium loops the fake-capture file. Trailing silence long enough for the whole echoed reply to play
     * keeps the second pass of the utterance from talking over (barging in on) the first reply.
     */
    private static final int TRAILING_SILENCE_MS = 8_000;

    private static Path microphone;

    @BeforeAll
    static void browserAndMicrophone() throws Exception {
        requireChromium("SoftphoneBrowserTest");
        microphone = writeMicrophone("softphone-microphone-48k.wav",
                fixture(ONE_UTTERANCE), silence(TRAILING_SILENCE_MS));
    }

    @Override
    protected Path microphone() {
        return microphone;
    }

    @Override
    protected String artifactName() {
        return "softphone";
    }

    @Test
    void aBrowserCallIsHeardAnsweredPlayedAndHungUp() throws Exception {
        driver.get(baseUrl() + "/");
        driver.findElement(By.id("call")).click();
        WebDriverWait page = new WebDriverWait(driver, Duration.ofSeconds(20));

        page.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "in-progress"));
        String callId = (String) script("return window.softphone.callId");
        assertThat(callId).isNotBlank();

        JsonNode heard = awaitRecord(callId, r -> r.at("/stats/frames_in").asLong() > 100
                && r.get("transcript").findValuesAsText("role").contains("USER"));
        assertThat(heard.get("status").asText()).isEqualTo("in-progress");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("in-progress");
        assertThat(stat("speakingFrames")).as("speaking indicator frames").isGreaterThan(50);

        page.until(d -> playedFrames() > 0);
        page.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#transcript li[data-role='ASSISTANT']")));
        assertThat(driver.findElement(By.cssSelector("#transcript li[data-role='ASSISTANT']")).getText())
                .contains("You said");
        assertThat(awaitRecord(callId, r -> r.at("/stats/frames_out").asLong() > 0)
                .at("/stats/reply_latency/count").asInt()).isGreaterThanOrEqualTo(1);
        page.until(ExpectedConditions.textMatches(By.id("reply-latencies"), Pattern.compile("Turn 1\\s+\\d+ ms")));
        page.until(d -> playedFrames() > 50); // about a second of the reply has played at real-time pace
        // The gateway marks its audio chunks; the page echoes each mark once the audio before it has played.
        page.until(d -> stat("marksEchoed") > 0);
        screenshot("softphone.png");

        driver.findElement(By.id("hangup")).click();
        JsonNode ended = awaitRecord(callId, r -> r.get("ended_at") != null && !r.get("ended_at").isNull());
        assertThat(ended.get("status").asText()).isEqualTo("completed");
        assertThat(ended.get("end_reason").asText()).isEqualTo("caller_hung_up");
        page.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "completed"));
        assertThat(driver.findElement(By.id("call")).isEnabled()).isTrue();
        screenshot("softphone-ended.png");
    }
}
