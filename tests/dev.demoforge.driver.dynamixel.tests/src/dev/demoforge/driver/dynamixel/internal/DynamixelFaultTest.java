package dev.demoforge.driver.dynamixel.internal;

import dev.demoforge.test.support.serial.ServoBusFaultKit;
import dev.demoforge.test.support.serial.ServoBusSetup;

/** Garbage, truncation, wrong CRCs, silence, noise and a vanishing port, over a real pty pair. */
class DynamixelFaultTest extends ServoBusFaultKit<DynamixelEmulator> {

    @Override
    protected ServoBusSetup<DynamixelEmulator> setup() {
        return Bench.SETUP;
    }
}
