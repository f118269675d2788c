package io.voicegateway;

import io.voicegateway.cli.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point. With no arguments (or only Spring options) it runs the gateway; with a command name first
 * ({@code vad}, {@code call}, {@code nova-emulator}, ...) it runs that command line tool instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VoiceGatewayApplication {

    public static void main(String[] args) {
        if (Commands.isCommand(args)) {
            Commands.quietLogging();
            System.exit(Commands.run(args));
        }
        SpringApplication.run(VoiceGatewayApplication.class, args);
    }
}
