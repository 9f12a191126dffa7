package dev.demoforge.driver.ur.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.Consumer;

/**
 * One TCP connection to a controller's RTDE port, framing packets. Reads happen on one thread (the driver's);
 * {@link #send} may be called from any thread (writes are serialised); {@link #close} from any thread unblocks a
 * read. Nagle is off: input packages leave at once.
 */
final class RtdeConnection implements Closeable {

    /** A received packet: its type and payload (header removed). */
    record Packet(int type, byte[] payload) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String address;

    private RtdeConnection(Socket socket, String address) throws IOException {
        this.socket = socket;
        this.address = address;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 8192));
        this.out = socket.getOutputStream();
    }

    /**
     * Connects within {@code connectTimeoutMs}; reads then wait at most {@code readTimeoutMs}. {@code created} gets the
     * socket before it connects, so another thread can close it to abort the connect or the handshake.
     */
    static RtdeConnection open(String host, int port, int connectTimeoutMs, int readTimeoutMs,
            Consumer<Closeable> created) throws IOException {
        Socket s = new Socket();
        created.accept(s);
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            s.setSoTimeout(readTimeoutMs);
            return new RtdeConnection(s, host + ":" + port);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    String address() {
        return address;
    }

    /** Changes how long {@link #read} waits. */
    void readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /**
     * The next packet.
     *
     * @throws SocketTimeoutException when nothing arrived within the read timeout
     * @throws RtdeException when a header announces fewer bytes than a header (the stream is out of step)
     * @throws java.io.EOFException when the controller closed the connection
     */
    Packet read() throws IOException {
        int size = in.readUnsignedShort();
        int type = in.readUnsignedByte();
        if (size < Rtde.HEADER_BYTES) {
            throw new RtdeException("RTDE header from " + address + " announces " + size + " bytes (type " + type
                    + "); the stream is out of step", false);
        }
        byte[] payload = new byte[size - Rtde.HEADER_BYTES];
        in.readFully(payload);
        return new Packet(type, payload);
    }

    /** Writes one whole packet. */
    void send(byte[] packet) throws IOException {
        synchronized (out) {
            out.write(packet);
            out.flush();
        }
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that failed: nothing left to release
        }
    }
}
