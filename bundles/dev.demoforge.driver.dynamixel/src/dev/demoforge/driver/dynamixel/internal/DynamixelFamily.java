package dev.demoforge.driver.dynamixel.internal;

import java.time.Duration;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.driver.serial.BusCounters;
import dev.demoforge.driver.serial.SerialLink;
import dev.demoforge.driver.serial.ServoBus;
import dev.demoforge.driver.serial.ServoFamily;
import dev.demoforge.driver.serial.ServoModel;

/**
 * The Dynamixel X series over Protocol 2.0. Each cycle reads control-table bytes 120..135 of every servo (realtime
 * tick, present PWM, current or load, velocity and position) with one sync read, so samples carry the first servo's
 * millisecond tick as device time. Default baud rate 1,000,000 (what arm builds such as Koch and ALOHA configure;
 * servos leave the factory at 57,600).
 */
@Component(service = ServoFamily.class)
public final class DynamixelFamily implements ServoFamily {

    static final PollBlock POLL = new PollBlock(120, 16);

    @Override
    public String driverId() {
        return "dynamixel";
    }

    @Override
    public String label() {
        return "Dynamixel Protocol 2.0 (X series)";
    }

    @Override
    public int defaultBaud() {
        return 1_000_000;
    }

    @Override
    public List<ServoModel> models() {
        return DynamixelModels.ALL;
    }

    @Override
    public ServoBus open(SerialLink link, BusCounters counters, Duration replyTimeout) {
        return new Protocol2Bus(link, counters, replyTimeout);
    }

    @Override
    public PollBlock pollBlock() {
        return POLL;
    }
}
