package io.voicegateway.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * Barge-in in a real browser: the fake microphone says one utterance, pauses while the echoed reply starts to
 * play, then talks over it. The gateway cuts the reply off (Twilio {@code clear}); the page must drop the reply
 * audio it still has queued, and shows the turn's barge-in latency. Skipped with the reason when chromium or
 * chromedriver is not installed (.ci/run installs both).
 */
class SoftphoneBargeInBrowserTest extends SoftphoneBrowserSupport {

    /**
     * Between the two utterances: the emulator ends a turn after 400 ms of silence and answers at once, so the
     * reply is playing well before the caller talks again.
     */
    private static final int PAUSE_MS = 1_200;
    /**
     * Chromium loops the fake-capture file: room for the reply to the second utterance to play out before the
     * first one comes round again.
     */
    private static final int TRAILING_SILENCE_MS = 10_000;
    /** The reply is 3 s or more and is cut off about a second in: well over half a second of it never plays. */
    private static final long MIN_DROPPED_FRAMES = 25;

    private static Path microphone;

    @BeforeAll
    static void browserAndMicrophone() throws Exception {
        requireChromium("SoftphoneBargeInBrowserTest");
        // A different utterance the second time: what the page plays is the caller's first utterance echoed, and
        // the same words again might be taken for that echo (echo cancellation, the gateway's echo guard).
        microphone = writeMicrophone("softphone-barge-in-microphone-48k.wav",
                silence(1_000), speechOf(ONE_UTTERANCE), silence(PAUSE_MS), speechOf(HELLO),
                silence(TRAILING_SILENCE_MS));
    }

    @Override
    protected Path microphone() {
        return microphone;
    }

    @Override
    protected String artifactName() {
        return "softphone-barge-in";
    }

    @Test
    void talkingOverTheReplyCutsItOffAndThePageDropsWhatWasQueued() throws Exception {
        driver.get(baseUrl() + "/");
        driver.findElement(By.id("call")).click();
        WebDriverWait page = new WebDriverWait(driver, Duration.ofSeconds(30));

        page.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "in-progress"));
        String callId = (String) script("return window.softphone.callId");
        assertThat(callId).isNotBlank();

        JsonNode bargedIn = awaitRecord(callId, r -> r.at("/stats/barge_ins").asLong() >= 1);
        assertThat(bargedIn.at("/stats/barge_in_latency/count").asLong()).isGreaterThanOrEqualTo(1);
        // window.softphone counts the clear at once; the page's counter follows with the next playout stats.
        page.until(d -> stat("clears") >= 1 && !"0".equals(d.findElement(By.id("clears")).getText()));
        page.until(ExpectedConditions.textMatches(By.id("barge-latencies"), Pattern.compile("Barge-in 1\\s+\\d+ ms")));

        // Flushed: once nothing is in flight or playing, the frames the page received but never played are the
        // cut-off reply's. A page that ignored `clear` would have played everything it received.
        await("the page's playout to go quiet").atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "silent".equals(driver.findElement(By.id("playout")).getText())
                        && stat("framesReceived") == record(callId).at("/stats/frames_out").asLong());
        long received = stat("framesReceived");
        long played = playedFrames();
        assertThat(received - played).as("reply frames dropped by the clear (received %d, played %d)",
                received, played).isGreaterThanOrEqualTo(MIN_DROPPED_FRAMES);
        screenshot("softphone-barge-in.png");

        driver.findElement(By.id("hangup")).click();
        JsonNode ended = awaitRecord(callId, r -> r.get("ended_at") != null && !r.get("ended_at").isNull());
        assertThat(ended.get("status").asText()).isEqualTo("completed");
        assertThat(ended.at("/stats/barge_ins").asLong()).isGreaterThanOrEqualTo(1);
    }
}
