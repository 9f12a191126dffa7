package dev.demoforge.driver.ur.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.demoforge.driver.ur.ControllerVersion;

/**
 * One RTDE session with a controller: the handshake (protocol version 2, controller version and its checks, output
 * recipe at the agreed frequency, the servo input recipe when configured, start) and then the stream of packets.
 * Used by the driver thread; {@link #sendInputs} may be called from any thread.
 */
final class RtdeSession implements Closeable {

    /** The output recipe: the controller clock first, then what the streams publish. */
    static final List<String> OUTPUTS = List.of("timestamp", "actual_q", "actual_qd", "actual_current",
            "actual_TCP_pose", "actual_TCP_force", "target_q", "robot_mode", "safety_mode", "runtime_state");

    private final RtdeConnection connection;
    private final ControllerVersion version;
    private final double frequencyHz;
    private final OutputRecipe recipe;
    private final int inputRecipeId;
    private final List<RtdeType> inputTypes;

    private RtdeSession(RtdeConnection connection, ControllerVersion version, double frequencyHz, OutputRecipe recipe,
            int inputRecipeId, List<RtdeType> inputTypes) {
        this.connection = connection;
        this.version = version;
        this.frequencyHz = frequencyHz;
        this.recipe = recipe;
        this.inputRecipeId = inputRecipeId;
        this.inputTypes = inputTypes;
    }

    /**
     * Connects and runs the handshake. Text messages arriving meanwhile go to {@code texts}; {@code created} gets the
     * socket first, so that closing it from another thread aborts the attempt.
     *
     * @throws RtdeException when the controller refuses something (permanent ones need a configuration or software
     *                       change)
     * @throws IOException   when the controller cannot be reached or stops answering
     */
    static RtdeSession open(UrConfig cfg, Consumer<Rtde.TextMessage> texts, Consumer<Closeable> created)
            throws IOException {
        RtdeConnection c = RtdeConnection.open(cfg.host(), cfg.port(), cfg.connectTimeoutMs(), cfg.connectTimeoutMs(),
                created);
        try {
            boolean v2 = Rtde.accepted(Rtde.REQUEST_PROTOCOL_VERSION, exchange(c, Rtde.requestProtocolVersion(
                    Rtde.PROTOCOL_VERSION), Rtde.REQUEST_PROTOCOL_VERSION, cfg, texts));
            ControllerVersion version = Rtde.controllerVersion(exchange(c, Rtde.getControllerVersion(),
                    Rtde.GET_URCONTROL_VERSION, cfg, texts));
            if (!version.hasRtde()) {
                throw new RtdeException("controller software " + version + " at " + c.address() + " predates RTDE"
                        + " (needs " + ControllerVersion.OLDEST_WITH_RTDE + " or newer)", true);
            }
            if (!v2) {
                throw new RtdeException("controller " + version + " at " + c.address() + " refused RTDE protocol"
                        + " version 2; update its software (this driver does not speak version 1)", true);
            }
            double hz = Math.min(cfg.rateHz(), version.maxFrequencyHz());
            if (hz < cfg.rateHz() && cfg.refuseSlow()) {
                throw new RtdeException(version.generation() + " controller " + version + " streams RTDE at "
                        + (int) version.maxFrequencyHz() + " Hz at most; configured " + cfg.rateHz() + " Hz"
                        + " (slow_controller=refuse)", true);
            }
            Rtde.RecipeReply out = Rtde.recipe(Rtde.SETUP_OUTPUTS, exchange(c, Rtde.setupOutputs(hz, OUTPUTS),
                    Rtde.SETUP_OUTPUTS, cfg, texts), OUTPUTS);
            OutputRecipe recipe = new OutputRecipe(out.id(), OUTPUTS, out.types());
            int inputId = -1;
            List<RtdeType> inputTypes = List.of();
            if (cfg.servo()) {
                List<String> inputs = servoInputs(cfg.servoRegister());
                Rtde.RecipeReply in = Rtde.recipe(Rtde.SETUP_INPUTS, exchange(c, Rtde.setupInputs(inputs),
                        Rtde.SETUP_INPUTS, cfg, texts), inputs);
                inputId = in.id();
                inputTypes = in.types();
            }
            if (!Rtde.accepted(Rtde.START, exchange(c, Rtde.start(), Rtde.START, cfg, texts))) {
                throw new RtdeException("controller " + version + " at " + c.address() + " refused to start"
                        + " synchronisation", false);
            }
            c.readTimeout(cfg.offlineAfterMs());
            return new RtdeSession(c, version, hz, recipe, inputId, inputTypes);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The input variables for servoing: six double registers from {@code base}, then int register {@code base}. */
    static List<String> servoInputs(int base) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            names.add("input_double_register_" + (base + i));
        }
        names.add("input_int_register_" + base);
        return List.copyOf(names);
    }

    ControllerVersion version() {
        return version;
    }

    double frequencyHz() {
        return frequencyHz;
    }

    OutputRecipe recipe() {
        return recipe;
    }

    String address() {
        return connection.address();
    }

    /** The next packet; {@link SocketTimeoutException} after the configured silence. */
    RtdeConnection.Packet next() throws IOException {
        return connection.read();
    }

    /** Whether an input recipe was set up. */
    boolean hasInputs() {
        return inputRecipeId >= 0;
    }

    /** Sends one input data package with the servo recipe's values (six targets, then the int flag). */
    void sendInputs(double[] values) throws IOException {
        connection.send(Rtde.inputPackage(inputRecipeId, inputTypes, values));
    }

    /** Pauses synchronisation (best effort) and closes the connection. */
    @Override
    public void close() {
        if (connection.isOpen()) {
            try {
                connection.send(Rtde.pause());
            } catch (IOException e) {
                // the connection is already gone; closing is all that is left
            }
        }
        connection.close();
    }

    private static byte[] exchange(RtdeConnection c, byte[] request, int replyType, UrConfig cfg,
            Consumer<Rtde.TextMessage> texts) throws IOException {
        c.send(request);
        long deadline = System.nanoTime() + cfg.connectTimeoutMs() * 1_000_000L;
        while (true) {
            RtdeConnection.Packet p;
            try {
                p = c.read();
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("no " + Rtde.name(replyType) + " reply from " + c.address()
                        + " within " + cfg.connectTimeoutMs() + " ms");
            }
            if (p.type() == replyType) {
                return p.payload();
            }
            if (p.type() == Rtde.TEXT_MESSAGE) {
                texts.accept(Rtde.textMessage(p.payload()));
            }
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException("no " + Rtde.name(replyType) + " reply from " + c.address()
                        + " within " + cfg.connectTimeoutMs() + " ms (other packets arrived)");
            }
        }
    }
}
