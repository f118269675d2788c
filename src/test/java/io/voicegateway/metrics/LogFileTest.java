package io.voicegateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import io.voicegateway.GatewayTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * config/logback-spring.xml as the running gateway loaded it: a size-and-time rolling file
 * LOG_PATH/voice-gateway.log (logs/ by default; the build points tests at target/logs) whose lines carry the
 * call and stream ids from the MDC, rolling at 100 MB with 14 days and 2 GB kept.
 */
class LogFileTest extends GatewayTestSupport {

    private static Path logFile() {
        return Path.of(System.getProperty("LOG_PATH", "logs"), "voice-gateway.log");
    }

    @Test
    void aLineLoggedDuringACallLandsInTheFileWithTheCallAndStreamIds() throws Exception {
        String marker = "log-file-test " + UUID.randomUUID();
        MDC.put("callId", "CALL-log-test");
        MDC.put("streamSid", "MZ-log-test");
        try {
            LoggerFactory.getLogger("io.voicegateway.metrics.LogFileTest").info(marker);
        } finally {
            MDC.remove("callId");
            MDC.remove("streamSid");
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(logFile())
                && Files.readString(logFile(), StandardCharsets.UTF_8).contains(marker));
        String line = Files.readAllLines(logFile(), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(marker)).findFirst().orElseThrow();
        assertThat(line).contains("INFO", "[CALL-log-test/MZ-log-test]");
    }

    @Test
    void theGatewayLogsItsOwnStartupToTheFile() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(Files.readString(logFile(), StandardCharsets.UTF_8)).contains("Silero VAD model loaded");
    }

    @Test
    void theRunningFileAppenderRollsBySizeAndTimeAndKeepsFourteenDays() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);

        assertThat(root.getAppender("FILE")).isInstanceOf(RollingFileAppender.class);
        RollingFileAppender<?> file = (RollingFileAppender<?>) root.getAppender("FILE");
        assertThat(Path.of(file.getFile()).toAbsolutePath()).isEqualTo(logFile().toAbsolutePath());
        assertThat(file.getRollingPolicy()).isInstanceOf(SizeAndTimeBasedRollingPolicy.class);
        assertThat(((SizeAndTimeBasedRollingPolicy<?>) file.getRollingPolicy()).getMaxHistory()).isEqualTo(14);
        assertThat(root.getAppender("CONSOLE")).isNotNull();
    }

    @Test
    void theRollingLimitsAre100MegabytesPerFileAndTwoGigabytesInAll() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("config/logback-spring.xml").toFile());
        NodeList properties = xml.getElementsByTagName("property");
        Map<String, String> values = java.util.stream.IntStream.range(0, properties.getLength())
                .mapToObj(i -> (Element) properties.item(i))
                .collect(Collectors.toMap(e -> e.getAttribute("name"), e -> e.getAttribute("value")));

        assertThat(values).containsEntry("LOG_MAX_FILE_SIZE", "100MB").containsEntry("LOG_MAX_HISTORY", "14")
                .containsEntry("LOG_TOTAL_SIZE_CAP", "2GB");
        for (String format : new String[] {"text", "json"}) {
            String included = Files.readString(Path.of("config/logback-" + format + ".xml"));
            assertThat(included).as(format).contains("SizeAndTimeBasedRollingPolicy", "${LOG_MAX_FILE_SIZE}",
                    "${LOG_MAX_HISTORY}", "${LOG_TOTAL_SIZE_CAP}", "${LOG_FILE_NAME}");
        }
    }
}
