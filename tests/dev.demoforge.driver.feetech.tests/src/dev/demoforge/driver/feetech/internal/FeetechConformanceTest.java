package dev.demoforge.driver.feetech.internal;

import dev.demoforge.test.support.serial.ServoBusConformanceKit;
import dev.demoforge.test.support.serial.ServoBusSetup;

/** The Feetech driver passes the conformance kit against its emulator over a pty pair. */
class FeetechConformanceTest extends ServoBusConformanceKit {

    @Override
    protected ServoBusSetup<?> setup() {
        return Bench.SETUP;
    }
}
