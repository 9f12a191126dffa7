package dev.demoforge.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.fazecast.jSerialComm.SerialPort;

import dev.demoforge.test.support.serial.VirtualSerialPair;

/** A serial button box on a socat pty pair: the test writes lines at the device end as the box would. */
class SerialButtonsTest {

    @Test
    void linesNamingActionsOrKeysBecomeActionsAndOthersAreReported() throws Exception {
        Path dir = Files.createTempDirectory("serial-buttons");
        List<LoopAction> actions = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        try (VirtualSerialPair pair = VirtualSerialPair.start(dir);
                SerialButtons buttons = SerialButtons.open(pair.hostPort(), 115200, LoopKeys.parse("PAUSE=F12"),
                        actions::add, problems::add)) {
            SerialPort box = SerialPort.getCommPort(pair.devicePort());
            assertTrue(box.openPort(), "cannot open the device end " + pair.devicePort());
            try {
                byte[] text = "s\r\nstart_stop\nJUMP\nF12\nDISCARD\n".getBytes(StandardCharsets.US_ASCII);
                assertEquals(text.length, box.writeBytes(text, text.length));
                long end = System.nanoTime() + 5_000_000_000L;
                while (actions.size() < 4 && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
            } finally {
                box.closePort();
            }
        }
        assertEquals(List.of(LoopAction.SUCCESS, LoopAction.START_STOP, LoopAction.PAUSE, LoopAction.DISCARD), actions);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("'JUMP'"), problems.get(0));
    }

    @Test
    void aMissingPortIsNamed() {
        IOException e = assertThrows(IOException.class, () -> SerialButtons.open("/dev/does-not-exist-ttyX", 9600,
                LoopKeys.DEFAULTS, a -> { }, p -> { }));
        assertTrue(e.getMessage().contains("/dev/does-not-exist-ttyX"), e.getMessage());
    }
}
