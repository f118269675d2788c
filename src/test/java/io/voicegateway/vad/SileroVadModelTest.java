package io.voicegateway.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules: the bundled model loads (checksum checked); a user file that is not a model fails naming the setting. */
class SileroVadModelTest {

    @TempDir
    Path dir;

    @Test
    void theBundledModelLoadsAndAnswersAProbabilityForSilence() {
        try (SileroVadModel model = SileroVadModel.fromSetting("")) {
            List<Float> probabilities = new ArrayList<>();
            model.newStream().feed(new short[SileroVadModel.WINDOW * 3], 0, SileroVadModel.WINDOW * 3,
                    (i, p) -> probabilities.add(p));
            assertThat(probabilities).hasSize(3).allMatch(p -> p >= 0 && p < 0.1);
            assertThat(model.source()).contains("bundled");
        }
    }

    @Test
    void aModelPathThatIsNotAnOnnxModelFailsWithAClearMessage() throws Exception {
        Path bogus = Files.writeString(dir.resolve("model.onnx"), "not a model");
        assertThatThrownBy(() -> SileroVadModel.fromSetting(bogus.toString()))
                .isInstanceOf(VadModelException.class)
                .hasMessageContaining("vad.model-path")
                .hasMessageContaining("not a valid ONNX model");
    }

    @Test
    void aMissingModelPathFailsNamingTheFile() {
        Path missing = dir.resolve("missing.onnx");
        assertThatThrownBy(() -> SileroVadModel.fromSetting(missing.toString()))
                .isInstanceOf(VadModelException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aCopyOfTheModelLoadsFromAPathWithoutChecksum() throws Exception {
        Path copy = dir.resolve("copy.onnx");
        try (var in = SileroVadModel.class.getResourceAsStream(SileroVadModel.BUNDLED_RESOURCE)) {
            Files.copy(in, copy);
        }
        try (SileroVadModel model = SileroVadModel.fromSetting(copy.toString())) {
            assertThat(model.source()).isEqualTo(copy.toString());
        }
    }
}
