package dev.demoforge.test.support.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pair of connected pseudo terminals made by {@code socat}: what is written to one end is read from the other,
 * through the kernel's tty layer, as with a real serial adapter. The driver under test opens {@link #hostPort()},
 * an emulator opens {@link #devicePort()}.
 * <p>
 * A pty has no baud-rate timing: bytes arrive as fast as the kernel passes them, whatever rate is configured.
 * {@link #kill()} ends socat, so both links vanish and open ends see an I/O error, like an unplugged adapter;
 * {@link #restart()} brings the pair back under the same paths. Not thread-safe: drive it from the test thread.
 *
 * @since 0.1
 */
public final class VirtualSerialPair implements AutoCloseable {

    private static final long LINK_WAIT_NANOS = 5_000_000_000L;

    private final Path dir;
    private final Path host;
    private final Path device;
    private Process socat;

    private VirtualSerialPair(Path dir) {
        this.dir = dir;
        this.host = dir.resolve("tty-host");
        this.device = dir.resolve("tty-device");
    }

    /**
     * Starts socat with both links in {@code dir} (created if needed).
     *
     * @throws IOException when socat is not installed or the links do not appear within five seconds
     */
    public static VirtualSerialPair start(Path dir) throws IOException {
        Files.createDirectories(dir);
        VirtualSerialPair pair = new VirtualSerialPair(dir);
        pair.restart();
        return pair;
    }

    /** Path of the end the driver under test opens. */
    public String hostPort() {
        return host.toString();
    }

    /** Path of the end the device emulator opens. */
    public String devicePort() {
        return device.toString();
    }

    public boolean alive() {
        return socat != null && socat.isAlive();
    }

    /** Ends socat and waits until it is gone and both links have vanished. */
    public void kill() throws IOException {
        if (socat == null) {
            return;
        }
        socat.destroy();
        try {
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping socat", e);
        }
        socat = null;
        Files.deleteIfExists(host);
        Files.deleteIfExists(device);
    }

    /** Starts socat again (killing a running one first) and waits for both links. */
    public void restart() throws IOException {
        kill();
        ProcessBuilder pb = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("socat.log").toFile()));
        try {
            socat = pb.start();
        } catch (IOException e) {
            throw new IOException("Cannot run socat (install the Debian package 'socat'): " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + LINK_WAIT_NANOS;
        while (!(Files.exists(host) && Files.exists(device))) {
            if (!socat.isAlive() || System.nanoTime() > deadline) {
                kill();
                throw new IOException("socat did not create " + host + " and " + device + " (see "
                        + dir.resolve("socat.log") + ")");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting socat", e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        kill();
    }
}
