package io.voicegateway.nova;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rule: voice ids normalise case-insensitively, "mathew" means matthew, and each model offers its own voices. */
class NovaVoicesTest {

    @Test
    void mathewIsAnAliasOfMatthew() {
        assertThat(NovaVoices.normalize("Mathew")).contains("matthew");
    }

    @Test
    void knownVoicesNormaliseRegardlessOfCaseAndSpaces() {
        assertThat(NovaVoices.normalize(" TIFFANY ")).contains("tiffany");
    }

    @Test
    void unknownOrMissingVoicesGiveNothing() {
        assertThat(NovaVoices.normalize("hal9000")).isEmpty();
        assertThat(NovaVoices.normalize(null)).isEmpty();
    }

    @Test
    void gretaIsAV1VoiceOnlyAndKiaraANova2VoiceOnly() {
        assertThat(NovaVoices.forModel("amazon.nova-sonic-v1:0")).contains("greta").doesNotContain("kiara");
        assertThat(NovaVoices.forModel("amazon.nova-2-sonic-v1:0")).contains("kiara").doesNotContain("greta");
    }

    @Test
    void allListsEveryVoiceOnce() {
        assertThat(NovaVoices.all()).hasSize(17).doesNotHaveDuplicates().contains("greta", "arjun");
    }

    @Test
    void aVoiceTheModelLacksIsAProblemNamingTheVoiceAndTheModel() {
        assertThat(NovaVoices.problemWith("greta", "amazon.nova-2-sonic-v1:0")).hasValueSatisfying(problem ->
                assertThat(problem).contains("greta").contains("amazon.nova-2-sonic-v1:0"));
        assertThat(NovaVoices.problemWith("olivia", "amazon.nova-sonic-v1:0")).hasValueSatisfying(problem ->
                assertThat(problem).contains("olivia").contains("amazon.nova-sonic-v1:0"));
    }

    @Test
    void aVoiceBothModelsHaveIsNoProblem() {
        assertThat(NovaVoices.problemWith("matthew", "amazon.nova-sonic-v1:0")).isEmpty();
        assertThat(NovaVoices.problemWith("matthew", "amazon.nova-2-sonic-v1:0")).isEmpty();
    }
}
