package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Option;

/** What packaging/systemd/chat-daemon.service and its environment file promise, checked against the daemon. */
class ServiceUnitTest {
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:(CAVECHAT_[A-Z_]+):-(.*)}");

    private final UnitFile service = UnitFile.read(Repository.file("packaging/systemd/chat-daemon.service"));
    private final UnitFile socket = UnitFile.read(Repository.file("packaging/systemd/chat-daemon.socket"));
    private final Map<String, String> environment = EnvironmentFile.read(Repository.file("packaging/etc/chat-daemon.env"));

    ServiceUnitTest() throws IOException {}

    @Test
    void serviceRunsTheLauncherWithTheEnvironmentFileAndRestartsOnlyOnFailure() {
        assertEquals("exec", service.value("Service", "Type"));
        assertEquals("/opt/cavechat/bin/chat-daemon", service.value("Service", "ExecStart"));
        assertEquals("/etc/cavechat/chat-daemon.env", service.value("Service", "EnvironmentFile"));
        assertEquals("on-failure", service.value("Service", "Restart"));
        assertEquals("143", service.value("Service", "SuccessExitStatus"));
    }

    @Test
    void serviceServesTheSocketUnitsListenerAndLogsToTheJournal() {
        assertEquals("socket", service.value("Service", "StandardInput"));
        assertEquals("journal", service.value("Service", "StandardOutput"));
        assertEquals("chat-daemon", service.value("Service", "SyslogIdentifier"));
        assertEquals("chat-daemon.socket", service.value("Unit", "Requires"));
        assertEquals(environment.get("CAVECHAT_PORT"), socket.value("Socket", "ListenStream"));
        assertEquals(environment.get("CAVECHAT_BACKLOG"), socket.value("Socket", "Backlog"));
    }

    @Test
    void stopTimeoutOutlastsTheShutdownGrace() {
        Duration timeoutStop = new DurationConverter().convert(service.value("Service", "TimeoutStopSec"));
        Duration grace = new DurationConverter().convert(environment.get("CAVECHAT_SHUTDOWN_GRACE"));
        assertEquals(DaemonConfig.defaults().shutdownGrace(), grace);
        assertTrue(timeoutStop.compareTo(grace.plusSeconds(5)) >= 0, timeoutStop + " leaves no room after " + grace);
    }

    @Test
    void fileLimitIsAboveTheConnectionLimit() {
        long files = Long.parseLong(service.value("Service", "LimitNOFILE"));
        int connections = Integer.parseInt(environment.get("CAVECHAT_MAX_CONNECTIONS"));
        assertEquals(DaemonConfig.defaults().maxConnections(), connections);
        assertTrue(files >= connections + 1024L, files + " descriptors for " + connections + " connections");
    }

    @Test
    void hardeningIsOnExceptWhatBreaksTheJit() {
        assertEquals("yes", service.value("Service", "DynamicUser"));
        assertEquals("strict", service.value("Service", "ProtectSystem"));
        assertEquals("yes", service.value("Service", "NoNewPrivileges"));
        assertEquals("", service.value("Service", "CapabilityBoundingSet"));
        assertEquals("AF_INET AF_INET6 AF_UNIX", service.value("Service", "RestrictAddressFamilies"));
        assertEquals("@system-service", service.values("Service", "SystemCallFilter").getFirst());
        assertEquals(Optional.empty(), service.find("Service", "MemoryDenyWriteExecute"));
    }

    @Test
    void environmentFileHoldsEverySettingWithTheDaemonsDefault() {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Field field : DaemonCommand.class.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option == null) {
                continue;
            }
            Matcher matcher = ENV_DEFAULT.matcher(option.defaultValue());
            if (matcher.matches()) {
                defaults.put(matcher.group(1), matcher.group(2));
            }
        }
        Map<String, String> settings = new LinkedHashMap<>(environment);
        assertEquals("", settings.remove("CAVECHAT_JAVA_OPTS"));
        assertEquals(defaults, settings);
    }

    @Test
    void launcherPassesTheJavaOptionsOnAndExecsTheBundledRuntime() throws IOException {
        List<String> launcher = Files.readAllLines(Repository.file("packaging/bin/chat-daemon"));
        assertEquals("exec \"$home/runtime/bin/java\" ${CAVECHAT_JAVA_OPTS:-} -jar \"$home/lib/chat-daemon.jar\" \"$@\"",
                launcher.getLast());
    }
}
