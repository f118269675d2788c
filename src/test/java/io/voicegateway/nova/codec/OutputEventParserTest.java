package io.voicegateway.nova.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Rule: every output event of DESIGN §7 parses from the JSON AWS documents, unknown fields and events never fail
 * a call, and both forms of Nova's barge-in signal are recognised.
 */
class OutputEventParserTest {

    private final OutputEventParser parser = new OutputEventParser();

    @Test
    void completionStartKeepsItsIdentifiers() {
        var event = (OutputEvent.CompletionStart) parse("completionStart");
        assertThat(event.completionId()).startsWith("4f1e2d3c");
    }

    @Test
    void generationStageIsReadFromTheAdditionalModelFieldsString() {
        assertThat(parse("contentStart-user-final"))
                .isEqualTo(new OutputEvent.ContentStart("a1b2c3d4", "TEXT", "USER", "FINAL"));
        assertThat(parse("contentStart-assistant-speculative"))
                .isEqualTo(new OutputEvent.ContentStart("e5f6a7b8", "TEXT", "ASSISTANT", "SPECULATIVE"));
    }

    @Test
    void audioContentStartWithoutAdditionalModelFieldsHasNoStage() {
        assertThat(parse("contentStart-assistant-audio"))
                .isEqualTo(new OutputEvent.ContentStart("c9d0e1f2", "AUDIO", "ASSISTANT", null));
    }

    @Test
    void userTextOutputIsTheCallersTranscript() {
        var event = (OutputEvent.TextOutput) parse("textOutput-user");
        assertThat(event.role()).isEqualTo("USER");
        assertThat(event.content()).isEqualTo("what's the weather like today");
        assertThat(event.isInterruption()).isFalse();
    }

    @Test
    void interruptedTextOutputIsRecognisedAsTheBargeInMarker() {
        assertThat(((OutputEvent.TextOutput) parse("textOutput-interrupted")).isInterruption()).isTrue();
    }

    @Test
    void interruptedContentEndCarriesTheStopReason() {
        assertThat(parse("contentEnd-interrupted"))
                .isEqualTo(new OutputEvent.ContentEnd("c9d0e1f2", "AUDIO", "INTERRUPTED"));
    }

    @Test
    void audioOutputIsDecodedToLittleEndianSamples() {
        var event = (OutputEvent.AudioOutput) parse("audioOutput");
        assertThat(event.pcm()).containsExactly((short) 1, (short) -1, (short) 4096);
    }

    @Test
    void toolUseKeepsNameIdAndArguments() {
        assertThat(parse("toolUse")).isEqualTo(new OutputEvent.ToolUse("d3e4f5a6", "getWeatherTool", "f7a8b9c0",
                "{\"latitude\":\"40.7\",\"longitude\":\"-74.0\"}"));
    }

    @Test
    void usageEventKeepsTheRunningTotalsAndTheDeltaByDirectionAndKind() {
        assertThat(parse("usageEvent")).isEqualTo(new OutputEvent.UsageEvent(430, 125,
                new OutputEvent.Tokens(12, 0, 0, 4)));
    }

    @Test
    void aUsageEventWithoutDetailsHasAZeroDelta() {
        assertThat(new OutputEventParser().parse(
                "{\"event\":{\"usageEvent\":{\"totalInputTokens\":5,\"totalOutputTokens\":7}}}"))
                .isEqualTo(new OutputEvent.UsageEvent(5, 7, OutputEvent.Tokens.NONE));
    }

    @Test
    void completionEndKeepsItsStopReason() {
        assertThat(parse("completionEnd")).isEqualTo(new OutputEvent.CompletionEnd("END_TURN"));
        assertThat(parse("contentEnd-end-turn")).isEqualTo(new OutputEvent.ContentEnd("c9d0e1f2", "AUDIO", "END_TURN"));
    }

    @Test
    void anUnknownEventNameBecomesUnknownInsteadOfFailing() {
        assertThat(parser.parse("{\"event\":{\"somethingNew\":{\"x\":1}},\"extra\":true}"))
                .isEqualTo(new OutputEvent.Unknown("somethingNew"));
    }

    @Test
    void malformedAdditionalModelFieldsGiveNoStageRatherThanAnError() {
        assertThat(parser.parse("{\"event\":{\"contentStart\":{\"type\":\"TEXT\",\"additionalModelFields\":\"{oops\"}}}"))
                .isEqualTo(new OutputEvent.ContentStart(null, "TEXT", null, null));
    }

    @Test
    void textThatMerelyMentionsInterruptedIsNotTheMarker() {
        assertThat(new OutputEvent.TextOutput("c", "ASSISTANT", "I was interrupted earlier").isInterruption()).isFalse();
        assertThat(new OutputEvent.TextOutput("c", "ASSISTANT", "{\"interrupted\":true}").isInterruption()).isTrue();
    }

    @Test
    void aChunkWithoutAnEventIsACodecError() {
        assertThatThrownBy(() -> parser.parse("{\"nothing\":1}")).isInstanceOf(NovaCodecException.class);
        assertThatThrownBy(() -> parser.parse("not json")).isInstanceOf(NovaCodecException.class);
    }

    private OutputEvent parse(String fixture) {
        try (InputStream in = getClass().getResourceAsStream("/nova/events/" + fixture + ".json")) {
            return parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
