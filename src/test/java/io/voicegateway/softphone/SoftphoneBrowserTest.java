package io.voicegateway.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.SystemTool;
import io.voicegateway.audio.AudioFiles;
import io.voicegateway.audio.PcmAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The softphone in a real browser: headless Chromium, its fake microphone playing one-utterance.wav, calls the
 * gateway (local mode, emulated Nova Sonic) from the page at /, is heard, gets the echoed reply played back,
 * shows the transcript, and hangs up. Skipped with the reason when chromium or chromedriver is not installed
 * (.ci/run installs both: apt-get install chromium chromium-driver).
 */
class SoftphoneBrowserTest extends GatewayTestSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Chromium's fake capture wants a common device rate; 8 kHz files are not reliably accepted. */
    private static final int MIC_RATE = 48_000;
    /**
     * Chromium loops the fake-capture file. Trailing silence long enough for the whole echoed reply to play
     * keeps the second pass of the utterance from talking over (barging in on) the first reply.
     */
    private static final int TRAILING_SILENCE_MS = 8_000;
    private static final Path TARGET = Path.of("target");

    private static Path microphone;
    private final ObjectMapper mapper = new ObjectMapper();
    private ChromeDriver driver;
    private Path profile;

    @BeforeAll
    static void browserAndMicrophone() throws Exception {
        SystemTool.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "SoftphoneBrowserTest needs " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver)");
        PcmAudio utterance = AudioFiles.read(Path.of("src/test/resources/audio/one-utterance.wav"))
                .resampledTo(MIC_RATE);
        short[] padded = Arrays.copyOf(utterance.samples(),
                utterance.samples().length + TRAILING_SILENCE_MS * MIC_RATE / 1000);
        Files.createDirectories(TARGET);
        microphone = TARGET.resolve("softphone-microphone-48k.wav").toAbsolutePath();
        AudioFiles.writeWav(microphone, new PcmAudio(padded, MIC_RATE));
    }

    @BeforeEach
    void openBrowser() throws Exception {
        profile = Files.createTempDirectory(TARGET, "chromium-profile").toAbsolutePath(); // fresh: no state carried over
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=900,1200",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + microphone,
                "--autoplay-policy=no-user-gesture-required",
                // No internet here: without these Chromium keeps retrying its background services.
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic",
                "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (driver != null) {
            String console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(Object::toString).collect(Collectors.joining("\n"));
            Files.writeString(TARGET.resolve("softphone-console.log"), console);
            driver.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
        }
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
        assertThat((Long) script("return window.softphone.stats.speakingFrames")).as("speaking indicator frames")
                .isGreaterThan(50);

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
        page.until(d -> (Long) script("return window.softphone.stats.marksEchoed") > 0);
        Files.write(TARGET.resolve("softphone.png"), driver.getScreenshotAs(OutputType.BYTES));

        driver.findElement(By.id("hangup")).click();
        JsonNode ended = awaitRecord(callId, r -> r.get("ended_at") != null && !r.get("ended_at").isNull());
        assertThat(ended.get("status").asText()).isEqualTo("completed");
        assertThat(ended.get("end_reason").asText()).isEqualTo("caller_hung_up");
        page.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "completed"));
        assertThat(driver.findElement(By.id("call")).isEnabled()).isTrue();
        Files.write(TARGET.resolve("softphone-ended.png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    private long playedFrames() {
        return Long.parseLong(driver.findElement(By.id("played-frames")).getAttribute("data-played-frames"));
    }

    /** Polls GET /calls/{id} until the record matches; fails with the last record after 30 s. */
    private JsonNode awaitRecord(String callId, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode record = null;
        while (System.nanoTime() < deadline) {
            record = mapper.readTree(get("/calls/" + callId).body());
            if (condition.test(record)) {
                return record;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("call record never matched; last: " + record);
    }
}
