package dev.demoforge.test.support;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.test.support.FakeDriver.Flaw;

/** The kit passes a sound driver and fails each flawed one: its tests can fail. */
class ConformanceKitCatchesFlawsTest {

    private Kit kit;

    /** The kit for one fake driver. */
    static final class Kit extends DriverConformanceKit {
        private final Flaw flaw;

        Kit(Flaw flaw) {
            this.flaw = flaw;
        }

        @Override
        protected DeviceDriverFactory factory() {
            return FakeDriver.factory(flaw);
        }

        @Override
        protected DeviceConfig config() {
            return new DeviceConfig("fake", "fake", Map.of("port", "present"));
        }

        @Override
        protected DeviceConfig missingPortConfig() {
            return new DeviceConfig("fake", "fake", Map.of("port", "missing"));
        }

        @Override
        protected AutoCloseable occupyPort() {
            FakeDriver.BUSY.set(true);
            return () -> FakeDriver.BUSY.set(false);
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        FakeDriver.BUSY.set(false);
        if (kit != null) {
            kit.stopEverythingStarted();
        }
        Thread.sleep(50);
    }

    @Test
    void aSoundDriverPassesEveryCheck() throws Exception {
        kit = new Kit(Flaw.NONE);
        kit.startAndStopAreIdempotentAndRestartWorks();
        kit.startReturnsWithinTwoSeconds();
        kit.missingPortGivesStatusWithReason();
        kit.busyPortGivesStatusWithReasonAndRecoversWhenFreed();
        kit.publishesOnlyDeclaredStreamsWithDeclaredShapes();
        kit.timestampsAreMonotonicPerStream();
        kit.declaredRatesAreMetWithinTolerance();
        kit.stopReleasesThePortAndEveryThread();
    }

    @Test
    void anExceptionForAMissingPortFails() {
        kit = new Kit(Flaw.THROWS_ON_MISSING_PORT);
        fails(kit::missingPortGivesStatusWithReason);
    }

    @Test
    void noStatusForAMissingPortFails() {
        kit = new Kit(Flaw.SILENT_ON_MISSING_PORT);
        fails(kit::missingPortGivesStatusWithReason);
    }

    @Test
    void aSlowStartFails() {
        kit = new Kit(Flaw.SLOW_START);
        fails(kit::startReturnsWithinTwoSeconds);
    }

    @Test
    void aThreadLeftRunningAfterStopFails() {
        kit = new Kit(Flaw.LEAKS_THREAD);
        fails(kit::stopReleasesThePortAndEveryThread);
    }

    @Test
    void anUndeclaredStreamFails() {
        kit = new Kit(Flaw.UNDECLARED_STREAM);
        fails(kit::publishesOnlyDeclaredStreamsWithDeclaredShapes);
    }

    @Test
    void aDeviceClockGoingBackFails() {
        kit = new Kit(Flaw.CLOCK_GOES_BACK);
        fails(kit::timestampsAreMonotonicPerStream);
    }

    @Test
    void halfTheDeclaredRateFails() {
        kit = new Kit(Flaw.HALF_RATE);
        fails(kit::declaredRatesAreMetWithinTolerance);
    }

    @Test
    void publishingOnABusyPortFails() {
        kit = new Kit(Flaw.IGNORES_BUSY_PORT);
        fails(kit::busyPortGivesStatusWithReasonAndRecoversWhenFreed);
    }

    private static void fails(Executable check) {
        assertThrows(AssertionError.class, check);
    }
}
