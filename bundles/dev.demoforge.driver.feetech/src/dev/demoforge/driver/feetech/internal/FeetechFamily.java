package dev.demoforge.driver.feetech.internal;

import java.time.Duration;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.SerialLink;
import dev.demoforge.driver.serial.ServoBus;
import dev.demoforge.driver.serial.ServoFamily;
import dev.demoforge.driver.serial.ServoModel;

/**
 * Feetech STS servos (SO-100 / SO-101 arms) over the SCS protocol at 1,000,000 baud (the factory setting). Each
 * cycle reads the 2-byte present position (address 56) of every servo with one sync read; the servos have no clock,
 * so samples carry host time only.
 */
@Component(service = ServoFamily.class)
public final class FeetechFamily implements ServoFamily {

    static final PollBlock POLL = new PollBlock(56, 2);

    @Override
    public String driverId() {
        return "feetech";
    }

    @Override
    public String label() {
        return "Feetech SCS/STS";
    }

    @Override
    public int defaultBaud() {
        return 1_000_000;
    }

    @Override
    public List<ServoModel> models() {
        return FeetechModels.ALL;
    }

    @Override
    public ServoBus open(SerialLink link, BusCounters counters, Duration replyTimeout) {
        return new ScsBus(link, counters, replyTimeout);
    }

    @Override
    public PollBlock pollBlock() {
        return POLL;
    }
}
