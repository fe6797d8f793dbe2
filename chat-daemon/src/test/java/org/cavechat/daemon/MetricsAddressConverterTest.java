package org.cavechat.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MetricsAddressConverterTest {
    private final MetricsAddressConverter converter = new MetricsAddressConverter();

    @Test
    void metricsAreOffUnlessAskedFor() {
        DaemonCommand command = new DaemonCommand();
        new CommandLine(command).parseArgs();
        assertNull(command.metrics);
    }

    @Test
    void aBarePortListensOnLoopbackOnly() {
        DaemonCommand command = new DaemonCommand();
        new CommandLine(command).parseArgs("--metrics", "33001");
        assertEquals(new InetSocketAddress(InetAddress.getLoopbackAddress(), 33001), command.metrics);
    }

    @Test
    void hostAndPortListenWhereTheySay() throws Exception {
        assertEquals(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 33001), converter.convert("0.0.0.0:33001"));
        assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 33001), converter.convert("[::1]:33001"));
        assertEquals(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), converter.convert(":0"));
    }

    @Test
    void anEmptyValueMeansOff() {
        assertNull(converter.convert(""));
        assertNull(converter.convert("  "));
    }

    @Test
    void aBadPortIsRefusedWithWhatToWrite() {
        CommandLine.TypeConversionException refused =
                assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert("localhost:http"));
        assertEquals("'localhost:http' is not a metrics address (write PORT, HOST:PORT or [IPV6]:PORT)",
                refused.getMessage());
        assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert("70000"));
    }
}
