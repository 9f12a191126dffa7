package dev.demoforge.test.support.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.test.support.CollectingDeviceContext;
import dev.demoforge.test.support.CollectingDeviceContext.Received;

/**
 * Base of the tests of a servo-arm driver (one joint per servo id, joint positions in radians on the first declared
 * stream) against its emulator: checks that hold for every protocol, to be called from the driver's own
 * {@code @Test} methods, which add what is particular to the protocol (device time, modes, error flags). The joint of
 * the {@code i}-th configured id is compared with the emulated servo of that id.
 * <p>
 * Subclasses give the protocol ({@link #setup()}) and how the driver turns torque on and sets goals
 * ({@link #torque}, {@link #goalPositions}); both block until the driver has sent the instruction.
 *
 * @param <E> the protocol's emulator
 * @since 0.2
 */
public abstract class ServoArmTest<E extends ServoBankEmulator> extends ServoBusTest<E> {

    /** Tolerance of a joint that follows the hand-swing of the emulator, rad. */
    public static final double SWING_TOLERANCE = 0.1;

    /** Turns torque on or off on the {@link #running()} driver; returns once the servos have it. */
    protected abstract void torque(boolean on) throws Exception;

    /** Sends goal positions (rad, one per joint) through the {@link #running()} driver; returns once they are sent. */
    protected abstract void goalPositions(double[] radians) throws Exception;

    /** The joint angle the driver reports for an uncalibrated servo at {@code counts}: 12-bit, 0 rad at 2048. */
    protected double radians(int counts) {
        return (counts - 2048) * 2 * Math.PI / 4096;
    }

    /** One encoder count, rad: how close a joint must come to its goal. */
    protected double oneCount() {
        return 2 * Math.PI / 4096;
    }

    /**
     * Starts the driver with {@code config}, collects for {@code millis}, and checks that the joint stream came at a
     * rate within {@code (low, high)} Hz and that the last sample's joints are the emulated servos' positions (hand
     * swing, torque off) within {@link #SWING_TOLERANCE}.
     *
     * @return the joint samples, for the protocol's own checks (device time)
     */
    protected final List<Received> assertJointsFollowTheServos(DeviceConfig config, long millis, double low,
            double high) throws Exception {
        CollectingDeviceContext ctx = start(config);
        Thread.sleep(millis);
        List<Received> got = ctx.samples(running().streams().get(0).name());
        double rate = (got.size() - 1) / (seconds(got));
        assertTrue(rate > low && rate < high, "rate " + rate);
        double[] q = ((VectorSample) got.getLast().sample()).values();
        List<EmulatedServo> servos = bench().emulator().servos();
        for (int i = 0; i < q.length; i++) {
            assertEquals(radians(servos.get(i).position()), q[i], SWING_TOLERANCE, "joint " + (i + 1));
        }
        return got;
    }

    /**
     * Starts the driver with {@code config}, turns torque on, sends {@code goal} and after {@code millis} checks that
     * the last sample's joints are at the goal within {@link #oneCount()}.
     *
     * @return what the driver published
     */
    protected final CollectingDeviceContext assertGoalPositionsReached(DeviceConfig config, double[] goal, long millis)
            throws Exception {
        CollectingDeviceContext ctx = start(config);
        torque(true);
        goalPositions(goal);
        Thread.sleep(millis);
        List<Received> got = ctx.samples(running().streams().get(0).name());
        double[] q = ((VectorSample) got.getLast().sample()).values();
        for (int i = 0; i < goal.length; i++) {
            assertEquals(goal[i], q[i], oneCount(), "joint " + (i + 1));
        }
        return ctx;
    }

    /** Host time from the first to the last of {@code samples}, s. */
    protected static double seconds(List<Received> samples) {
        return (samples.getLast().hostNanos() - samples.getFirst().hostNanos()) / 1e9;
    }
}
