package io.voicegateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicegateway.cli.Commands;
import org.junit.jupiter.api.Test;

/** Rule: nova-emulator is a registered tool of the jar. */
class NovaEmulatorCommandTest {

    @Test
    void novaEmulatorIsACommandOfTheJar() {
        assertThat(Commands.isCommand(new String[] {"nova-emulator", "--port", "1"})).isTrue();
    }
}
