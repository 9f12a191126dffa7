package dev.demoforge.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

import com.fazecast.jSerialComm.SerialPort;

/**
 * Buttons on a serial port as loop actions: a small microcontroller (or anything else) sends one line per press,
 * either an action name ({@code START_STOP}, {@code SUCCESS}, {@code FAILURE}, {@code DISCARD}, {@code PAUSE}) or
 * the key configured for it ({@code SPACE}, {@code S}, ...), case-insensitive, ended by {@code \n} (a preceding
 * {@code \r} is ignored). Lines longer than {@value #MAX_LINE} characters are cut and reported.
 * <p>
 * Threading: reads on its own daemon thread ("capture-serial PORT"), which calls the consumers; they must return
 * quickly (queue the action). An unknown line is reported to {@code problems} and skipped; a lost port is reported
 * and ends the thread. {@link #close()} stops the thread and closes the port.
 *
 * @since 0.1
 */
public final class SerialButtons implements AutoCloseable {

    static final int MAX_LINE = 64;

    private final SerialPort port;
    private final LoopKeys keys;
    private final Consumer<LoopAction> actions;
    private final Consumer<String> problems;
    private final Thread reader;
    private volatile boolean running = true;

    private SerialButtons(SerialPort port, LoopKeys keys, Consumer<LoopAction> actions, Consumer<String> problems) {
        this.port = port;
        this.keys = keys;
        this.actions = actions;
        this.problems = problems;
        this.reader = new Thread(this::read, "capture-serial " + port.getSystemPortPath());
        reader.setDaemon(true);
    }

    /**
     * Opens a serial port (a device path such as {@code /dev/ttyACM0}) at a baud rate, 8N1, and starts reading.
     *
     * @throws IOException naming the port when it cannot be opened
     */
    public static SerialButtons open(String portPath, int baud, LoopKeys keys, Consumer<LoopAction> actions,
            Consumer<String> problems) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(portPath);
        } catch (RuntimeException e) {
            throw new IOException("Cannot open the serial button port " + portPath + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 200, 0);
        if (!port.openPort()) {
            throw new IOException("Cannot open the serial button port " + portPath + " (error "
                    + port.getLastErrorCode() + "; is it there, and may this user open it, e.g. group dialout?)");
        }
        SerialButtons buttons = new SerialButtons(port, keys, actions, problems);
        buttons.reader.start();
        return buttons;
    }

    private void read() {
        StringBuilder line = new StringBuilder();
        byte[] buffer = new byte[64];
        while (running) {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                if (running) {
                    problems.accept("Serial button port " + port.getSystemPortPath() + " was lost (error "
                            + port.getLastErrorCode() + ")");
                }
                return;
            }
            for (char c : new String(buffer, 0, n, StandardCharsets.US_ASCII).toCharArray()) {
                if (c == '\n') {
                    handle(line.toString().strip());
                    line.setLength(0);
                } else if (c != '\r') {
                    if (line.length() == MAX_LINE) {
                        problems.accept("Serial button line longer than " + MAX_LINE + " characters on "
                                + port.getSystemPortPath() + ": '" + line + "…' was cut");
                        line.setLength(0);
                    }
                    line.append(c);
                }
            }
        }
    }

    private void handle(String text) {
        if (text.isEmpty()) {
            return;
        }
        LoopAction action = actionOf(text, keys);
        if (action == null) {
            problems.accept("Serial button " + port.getSystemPortPath() + " sent '" + text
                    + "', which is neither an action nor a loop key (" + keys.format() + ")");
        } else {
            actions.accept(action);
        }
    }

    /** The action a line names (action name or its key), or null. */
    static LoopAction actionOf(String text, LoopKeys keys) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (LoopAction action : LoopAction.values()) {
            if (action.name().equals(upper) || keys.key(action).equals(upper)) {
                return action;
            }
        }
        return null;
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.closePort();
    }
}
