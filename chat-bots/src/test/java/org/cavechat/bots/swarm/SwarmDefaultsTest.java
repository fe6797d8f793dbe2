package org.cavechat.bots.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SwarmDefaultsTest {

    /** Swarm's defaults read from {@code environment} instead of the process's. */
    private static CommandLine swarmWith(Map<String, String> environment) {
        CommandLine line = new CommandLine(new SwarmCommand());
        line.setDefaultValueProvider(new SwarmDefaults() {
            @Override
            String environment(String name) {
                return environment.get(name);
            }
        });
        return line;
    }

    @Test
    void environmentVariablesNamedAfterTheOptionsOverrideTheDefaults() {
        CommandLine line = swarmWith(Map.of("CAVECHAT_BOTS", "7", "CAVECHAT_MAX_SEND_LAG", "250ms",
                "CAVECHAT_SERVER", "10.1.2.3:4000"));
        line.parseArgs();
        SwarmCommand swarm = line.getCommand();
        assertEquals(7, swarm.options.bots);
        assertEquals(Duration.ofMillis(250), swarm.options.maxSendLag);
        assertEquals("10.1.2.3:4000", swarm.server.server().toString());
        assertEquals(100.0, swarm.options.rate, "no variable, the built-in default");
    }

    @Test
    void anOptionOnTheCommandLineWinsOverTheEnvironment() {
        CommandLine line = swarmWith(Map.of("CAVECHAT_BOTS", "7"));
        line.parseArgs("--bots", "9");
        assertEquals(9, ((SwarmCommand) line.getCommand()).options.bots);
    }

    @Test
    void helpShowsTheDefaultFromTheEnvironmentAndSaysHowToSetOne() {
        String help = swarmWith(Map.of("CAVECHAT_BOTS", "7")).getUsageMessage();
        assertTrue(help.contains("Bots to connect (default: 7)"), help);
        assertTrue(help.replaceAll("\\s+", " ").contains("Environment: Every option's default can be set in the "
                + "environment as CAVECHAT_ and its name in capitals: CAVECHAT_SERVER, CAVECHAT_BOTS"), help);
    }

    @Test
    void theVariableIsTheOptionsNameInCapitals() {
        assertEquals("CAVECHAT_MAX_SEND_LAG", SwarmDefaults.variable("--max-send-lag"));
        assertEquals("CAVECHAT_BOTS", SwarmDefaults.variable("--bots"));
    }
}
