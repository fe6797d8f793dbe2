package org.cavechat.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineTest {

    private static Machine withLoad(String start, String end) {
        return new Machine(Map.of("cores", "2", Machine.LOAD_AT_START, start, Machine.LOAD_AT_END, end));
    }

    @Test
    void aLoadAverageAboveTheCoresAtEitherEndMeansTheRunWasLoaded() {
        assertTrue(withLoad("7.25, 9.20, 9.29", "1.00, 1.00, 1.00").wasLoaded());
        assertTrue(withLoad("1.00, 1.00, 1.00", "2.50, 1.00, 1.00").wasLoaded());
        assertFalse(withLoad("1.90, 3.00, 3.00", "0.50, 1.00, 1.00").wasLoaded());
        assertFalse(new Machine(Map.of("cores", "2")).wasLoaded());
    }

    @Test
    void aDescriptionReadsBackAsWritten(@TempDir Path directory) throws Exception {
        Machine written = new Machine(Map.of("command", "run \"quick\"", "cpu", "AMD EPYC\\7"));
        Path file = directory.resolve(Machine.FILE);

        written.write(file);

        assertEquals(written, Machine.read(file));
    }

    @Test
    void aReportOfALoadedRunSaysSo() {
        Report report = new Report(Fixtures.before(), withLoad("7.25, 9.20, 9.29", "6.00, 8.00, 9.00"),
                java.util.List.of(), "");

        assertTrue(MarkdownReport.render(report).contains("Taken under load"));
        assertFalse(MarkdownReport.render(new Report(Fixtures.before(), Fixtures.machine(), java.util.List.of(), ""))
                .contains("Taken under load"));
    }
}
