package dev.demoforge.driver.serial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

import com.fazecast.jSerialComm.SerialPort;

/**
 * An open serial port (8N1, no flow control) over jSerialComm, opened exclusively: a second opener gets
 * {@link SerialLinkException.Kind#BUSY}.
 * <p>
 * Reads are non-blocking underneath and wait by polling every {@value #POLL_NANOS} ns, because jSerialComm's
 * read timeouts on Linux have a resolution of 100 ms (termios VTIME) while servo replies arrive within a
 * millisecond. Threading: one thread at a time; {@link #close} may be called from any thread.
 *
 * @since 0.1
 */
public final class SerialLink implements AutoCloseable {

    /** Sleep between polls of a port with no input, ns. */
    public static final long POLL_NANOS = 20_000;

    private final String path;
    private final int baud;
    private final SerialPort port;

    private SerialLink(String path, int baud, SerialPort port) {
        this.path = path;
        this.baud = baud;
        this.port = port;
    }

    /**
     * Opens a port by path ({@code /dev/ttyUSB0}, a pty link, {@code COM3}).
     *
     * @throws SerialLinkException MISSING, DENIED or BUSY with a message naming the port
     */
    public static SerialLink open(String path, int baud) throws SerialLinkException {
        Path p = Path.of(path);
        boolean windows = path.toUpperCase(java.util.Locale.ROOT).startsWith("COM");
        if (!windows && !Files.exists(p)) {
            throw new SerialLinkException(SerialLinkException.Kind.MISSING, "port " + path + " not found");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new SerialLinkException(SerialLinkException.Kind.MISSING, "port " + path + " not found");
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            if (!windows && !(Files.isReadable(p) && Files.isWritable(p))) {
                throw new SerialLinkException(SerialLinkException.Kind.DENIED, "no permission to open port " + path
                        + " (on Linux add the user to the 'dialout' group)");
            }
            if (!windows && !Files.exists(p)) {
                throw new SerialLinkException(SerialLinkException.Kind.MISSING, "port " + path + " not found");
            }
            throw new SerialLinkException(SerialLinkException.Kind.BUSY, "port " + path
                    + " is busy (opened by another program)");
        }
        port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
        return new SerialLink(path, baud, port);
    }

    public String path() {
        return path;
    }

    public int baud() {
        return baud;
    }

    /** Writes all bytes. */
    public void write(byte[] data) throws SerialLinkException {
        int n = port.writeBytes(data, data.length);
        if (n != data.length) {
            throw lost("write of " + data.length + " bytes returned " + n);
        }
    }

    /**
     * Reads what is available into {@code buf}, waiting until at least one byte arrived or the host monotonic clock
     * passes {@code deadlineNanos}.
     *
     * @return bytes read, 0 at the deadline
     */
    public int read(byte[] buf, long deadlineNanos) throws SerialLinkException {
        while (true) {
            int n = port.readBytes(buf, buf.length);
            if (n > 0) {
                return n;
            }
            if (n < 0) {
                throw lost("read failed");
            }
            if (System.nanoTime() >= deadlineNanos) {
                return 0;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Drops whatever input is waiting (late replies of an earlier exchange); returns the number of bytes dropped. */
    public int discardInput() throws SerialLinkException {
        int total = 0;
        byte[] buf = new byte[256];
        int n;
        while ((n = port.readBytes(buf, buf.length)) > 0) {
            total += n;
        }
        if (n < 0) {
            throw lost("read failed");
        }
        return total;
    }

    private SerialLinkException lost(String what) {
        return new SerialLinkException(SerialLinkException.Kind.LOST, "port " + path + " lost (" + what
                + (Files.exists(Path.of(path)) ? "" : "; the port is gone") + ")");
    }

    @Override
    public void close() {
        port.closePort();
    }
}
