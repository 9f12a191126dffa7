package dev.demoforge.driver.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the servos on a bus: which ids answer, their model and present position (read twice at most). Blocking:
 * opens the port, scans the id range (about one reply timeout per silent id for protocols without a broadcast ping)
 * and closes the port.
 *
 * @since 0.1
 */
public final class ServoProbes {

    private ServoProbes() {
    }

    /**
     * Probes ids {@code [firstId, lastId]} on a port.
     *
     * @throws SerialLinkException when the port is missing, busy or lost (the message says which)
     * @throws IOException         on other bus failures
     */
    public static ProbeResult probe(ServoFamily family, String port, int baud, int firstId, int lastId,
            Duration replyTimeout) throws IOException {
        long t0 = System.nanoTime();
        BusCounters counters = new BusCounters();
        try (SerialLink link = SerialLink.open(port, baud)) {
            ServoBus bus = family.open(link, counters, replyTimeout);
            List<ProbeResult.Found> found = new ArrayList<>();
            for (ServoIdentity who : bus.scan(firstId, lastId)) {
                Optional<ServoModel> model = family.model(who.modelNumber());
                int position = Integer.MIN_VALUE;
                double radians = Double.NaN;
                if (model.isPresent()) {
                    Field f = model.get().require(Register.PRESENT_POSITION);
                    for (int attempt = 0; attempt < 2 && position == Integer.MIN_VALUE; attempt++) {
                        try {
                            position = f.decode(bus.read(who.id(), f.address(), f.size()), 0);
                            radians = (position - model.get().center()) * 2 * Math.PI / model.get().resolution();
                        } catch (ServoBusException e) {
                            position = Integer.MIN_VALUE;
                        }
                    }
                }
                found.add(new ProbeResult.Found(who.id(), who.modelNumber(), model.map(ServoModel::name).orElse("unknown"),
                        who.firmware(), position, radians));
            }
            return new ProbeResult(family.driverId(), port, baud, found, counters.snapshot(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
