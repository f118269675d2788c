package io.voicegateway.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A tool call end to end from the softphone in a real browser (local mode): the caller presses 1 then # on the
 * page's keypad, the gateway sends "caller pressed 1" to the emulated model, which calls the first tool offered
 * (current_time); the gateway runs its route and the spoken result shows in the page's transcript. The
 * microphone is silent so nothing else is said. Skipped with the reason when chromium is not installed.
 */
class SoftphoneToolBrowserTest extends SoftphoneBrowserSupport {

    private static Path microphone;

    @BeforeAll
    static void browserAndMicrophone() throws Exception {
        requireChromium("SoftphoneToolBrowserTest");
        microphone = writeMicrophone("softphone-silent-48k.wav", silence(3_000));
    }

    @Override
    protected Path microphone() {
        return microphone;
    }

    @Override
    protected String artifactName() {
        return "softphone-tool";
    }

    @Test
    void pressingOneOnTheKeypadRunsTheFirstToolAndItsResultIsSpoken() throws Exception {
        driver.get(baseUrl() + "/");
        assertThat(driver.findElement(By.cssSelector("#keypad button[data-digit='1']")).isEnabled()).isFalse();
        driver.findElement(By.id("call")).click();
        WebDriverWait page = new WebDriverWait(driver, Duration.ofSeconds(20));
        page.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "in-progress"));
        String callId = (String) script("return window.softphone.callId");

        driver.findElement(By.cssSelector("#keypad button[data-digit='1']")).click();
        driver.findElement(By.cssSelector("#keypad button[data-digit='#']")).click();

        page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "current_time result"));
        assertThat(awaitRecord(callId, r -> "1#".equals(r.get("dtmf").asText())).get("transcript").toString())
                .contains("caller pressed 1");
        page.until(d -> playedFrames() > 0); // the spoken result played in the page
        screenshot("softphone-tool.png");
        driver.findElement(By.id("hangup")).click();
    }
}
