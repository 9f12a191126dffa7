package dev.demoforge.driver.serial;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A family of bus servos that share a protocol (Dynamixel Protocol 2.0, Feetech SCS/STS): its models and how to
 * talk to them. Each driver bundle registers its family as an OSGi service (the command line's probe finds it by
 * {@link #driverId()}) and creates {@link ServoArmDriver}s with it. Implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
@ConsumerType
public interface ServoFamily {

    /**
     * The control-table range read from every servo each cycle: it must hold {@link Register#PRESENT_POSITION} of
     * every model and may hold {@link Register#REALTIME_TICK}, which then gives the samples a device time.
     *
     * @param address first byte
     * @param length  bytes
     */
    record PollBlock(int address, int length) {
    }

    /** Driver id, as in station configurations ("dynamixel"). */
    String driverId();

    /** Name shown to users ("Dynamixel Protocol 2.0"). */
    String label();

    int defaultBaud();

    /** The known models. */
    List<ServoModel> models();

    /** The bus protocol over an open link. */
    ServoBus open(SerialLink link, BusCounters counters, Duration replyTimeout);

    PollBlock pollBlock();

    /** A model by name, ignoring case ("xl430-w250"). */
    default Optional<ServoModel> model(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        return models().stream().filter(m -> m.name().equalsIgnoreCase(n)).findFirst();
    }

    /** A model by the number the servo reports. */
    default Optional<ServoModel> model(int number) {
        return models().stream().filter(m -> m.number() == number).findFirst();
    }
}
