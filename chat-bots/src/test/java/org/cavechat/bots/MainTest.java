package org.cavechat.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "conform", "swarm", "simulate"})
    void everyCommandHasHelpWithTheExitStatuses(String command) {
        String help = succeeds(command, "--help");
        assertTrue(help.contains("Exit status:") && help.contains("  3   the server cannot be reached"), help);
        assertTrue(help.contains("  4   INVALID (swarm, simulate): the load was not offered as asked"), help);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "conform", "swarm", "simulate"})
    void everyCommandsVersionIsTheMavenProjectVersion(String command) {
        String version = succeeds(command, "--version");
        assertEquals("chat-bots " + System.getProperty("cavechat.version") + System.lineSeparator(), version);
    }

    private static String succeeds(String command, String option) {
        CommandRun run = command.isEmpty() ? CommandRun.of(option)
                : option.isEmpty() ? CommandRun.of(command) : CommandRun.of(command, option);
        assertEquals(0, run.status(), run::toString);
        return run.out();
    }

    @Test
    void noCommandIsAUsageError() {
        CommandRun run = CommandRun.of();
        assertEquals(2, run.status(), run::toString);
        assertEquals("chat-bots: name a command, for example: chat-bots run script.chat (see chat-bots --help)\n",
                run.err());
    }

    @Test
    void anUnknownCommandIsOneLineAndAUsageError() {
        CommandRun run = CommandRun.of("dance");
        assertEquals(2, run.status(), run::toString);
        assertEquals("chat-bots: Unmatched argument at index 0: 'dance' (see --help)\n", run.err());
    }

    @Test
    void aDurationOptionOutsideTheOneRuleIsAUsageErrorOfOneLine() {
        CommandRun run = CommandRun.of("run", "--timeout", "PT-2S", "any.chat");
        assertEquals(2, run.status(), run::toString);
        assertEquals("chat-bots run: --timeout: 'PT-2S' is negative: a duration is 0 or more"
                + " (see --help)\n", run.err());
    }

    @Test
    void aNumberOptionThatIsNoNumberSaysSoInTheOneErrorStyle() {
        CommandRun run = CommandRun.of("swarm", "--rate", "abc");
        assertEquals(2, run.status(), run::toString);
        assertEquals("chat-bots swarm: --rate: 'abc' is not a number (see --help)\n", run.err());
    }

    @Test
    void aMalformedThresholdIsOneLineNamingTheOptionAndTheForm() {
        CommandRun run = CommandRun.of("swarm", "--threshold", "p99<<5");
        assertEquals(2, run.status(), run::toString);
        assertEquals("chat-bots swarm: --threshold: 'p99<<5' is not a threshold: write METRIC OP VALUE, e.g."
                + " p99<50ms, p99.9<=0.2s, loss==0, joined>=99%, rate>=95% (see --help)\n", run.err());
    }

    @Test
    void generateCompletionPrintsABashScriptThatKnowsEveryCommand() {
        String script = succeeds("generate-completion", "");
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script);
        for (String command : new String[] {"run", "conform", "swarm", "simulate"}) {
            assertTrue(script.contains("function _picocli_chat-bots_" + command + "()"), command + " in\n" + script);
        }
        assertTrue(script.contains("--threshold"), "swarm's options too");
    }

    @Test
    void runWithoutScriptsIsAUsageError() {
        CommandRun run = CommandRun.of("run");
        assertEquals(2, run.status(), run::toString);
        assertEquals("chat-bots run: Missing required parameter: 'SCRIPT' (see --help)\n", run.err());
    }
}
