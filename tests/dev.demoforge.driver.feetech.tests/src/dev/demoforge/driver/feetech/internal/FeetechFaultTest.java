package dev.demoforge.driver.feetech.internal;

import dev.demoforge.test.support.serial.ServoBusFaultKit;
import dev.demoforge.test.support.serial.ServoBusSetup;

/** Garbage, truncation, wrong checksums, silence, noise and a vanishing port, over a real pty pair. */
class FeetechFaultTest extends ServoBusFaultKit<FeetechEmulator> {

    @Override
    protected ServoBusSetup<FeetechEmulator> setup() {
        return Bench.SETUP;
    }
}
