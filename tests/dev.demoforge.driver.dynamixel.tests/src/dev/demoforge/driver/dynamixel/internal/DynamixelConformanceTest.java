package dev.demoforge.driver.dynamixel.internal;

import dev.demoforge.test.support.serial.ServoBusConformanceKit;
import dev.demoforge.test.support.serial.ServoBusSetup;

/** The Dynamixel driver passes the conformance kit against its emulator over a pty pair. */
class DynamixelConformanceTest extends ServoBusConformanceKit {

    @Override
    protected ServoBusSetup<?> setup() {
        return Bench.SETUP;
    }
}
