package io.voicegateway.softphone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.SystemTool;
import io.voicegateway.audio.AudioFiles;
import io.voicegateway.audio.PcmAudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.springframework.util.FileSystemUtils;

/**
 * What the softphone browser tests share: headless Chromium whose fake microphone plays a WAV the test builds
 * in target/ from the committed fixtures, the page's figures, and polling of the gateway's call record.
 * Subclasses call {@link #requireChromium} and {@link #writeMicrophone} in their {@code @BeforeAll}.
 */
abstract class SoftphoneBrowserSupport extends GatewayTestSupport {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Chromium's fake capture wants a common device rate; 8 kHz files are not reliably accepted. */
    static final int MIC_RATE = 48_000;
    static final Path TARGET = Path.of("target");
    static final Path ONE_UTTERANCE = Path.of("src/test/resources/audio/one-utterance.wav");
    static final Path HELLO = Path.of("src/main/resources/caller/hello.wav");
    /** Fixture samples at or below this (about -50 dBFS) are silence; the fixtures' silence is digital zero. */
    private static final int SILENCE_LEVEL = 100;

    private final ObjectMapper mapper = new ObjectMapper();
    protected ChromeDriver driver;
    private Path profile;

    /** The fake microphone's WAV (absolute path) for this class. */
    protected abstract Path microphone();

    /** Prefix of the files this class leaves in target/ (console log, screenshots). */
    protected abstract String artifactName();

    static void requireChromium(String test) {
        SystemTool.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                test + " needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
    }

    /** A fixture as it is, at the microphone's rate. */
    static PcmAudio fixture(Path wav) throws IOException {
        return AudioFiles.read(wav).resampledTo(MIC_RATE);
    }

    /** A fixture's speech alone (leading and trailing silence cut off), at the microphone's rate. */
    static PcmAudio speechOf(Path wav) throws IOException {
        short[] samples = AudioFiles.read(wav).samples();
        int from = 0;
        while (from < samples.length && Math.abs(samples[from]) <= SILENCE_LEVEL) {
            from++;
        }
        int to = samples.length;
        while (to > from && Math.abs(samples[to - 1]) <= SILENCE_LEVEL) {
            to--;
        }
        return new PcmAudio(Arrays.copyOfRange(samples, from, to), AudioFiles.read(wav).sampleRateHz())
                .resampledTo(MIC_RATE);
    }

    static PcmAudio silence(int ms) {
        return new PcmAudio(new short[ms * MIC_RATE / 1000], MIC_RATE);
    }

    /** Writes the parts, one after another, to target/{@code name}; returns its absolute path. */
    static Path writeMicrophone(String name, PcmAudio... parts) throws IOException {
        short[] all = new short[Arrays.stream(parts).mapToInt(p -> p.samples().length).sum()];
        int at = 0;
        for (PcmAudio part : parts) {
            if (part.sampleRateHz() != MIC_RATE) {
                throw new IllegalArgumentException("part at " + part.sampleRateHz() + " Hz");
            }
            System.arraycopy(part.samples(), 0, all, at, part.samples().length);
            at += part.samples().length;
        }
        Files.createDirectories(TARGET);
        Path microphone = TARGET.resolve(name).toAbsolutePath();
        AudioFiles.writeWav(microphone, new PcmAudio(all, MIC_RATE));
        return microphone;
    }

    @BeforeEach
    void openBrowser() throws Exception {
        profile = Files.createTempDirectory(TARGET, "chromium-profile").toAbsolutePath(); // fresh: no state kept
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=900,1200",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + microphone(),
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
            Files.writeString(TARGET.resolve(artifactName() + "-console.log"), console);
            driver.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    protected Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    /** A number from window.softphone.stats (JavaScript numbers come back as Long or Double). */
    protected long stat(String name) {
        return ((Number) script("return window.softphone.stats." + name)).longValue();
    }

    protected long playedFrames() {
        return Long.parseLong(driver.findElement(By.id("played-frames")).getAttribute("data-played-frames"));
    }

    protected void screenshot(String file) throws IOException {
        Files.write(TARGET.resolve(file), driver.getScreenshotAs(OutputType.BYTES));
    }

    protected JsonNode record(String callId) {
        try {
            return mapper.readTree(get("/calls/" + callId).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls GET /calls/{id} until the record matches; fails with the last record after 30 s. */
    protected JsonNode awaitRecord(String callId, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode record = null;
        while (System.nanoTime() < deadline) {
            record = record(callId);
            if (condition.test(record)) {
                return record;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("call record never matched; last: " + record);
    }
}
