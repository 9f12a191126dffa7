package dev.demoforge.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;

/** Saved stations read back as saved (devices in their order, properties intact), across a reopen, and deleted. */
class SavedStationsTest {

    @TempDir
    Path dir;

    @Test
    void savedStationReadsBackWithDevicesInOrderAfterReopen() {
        StationConfig station = new StationConfig("koch-lab-3", "koch", List.of(
                new DeviceConfig("wrist_cam", "camera", Map.of("url", "/dev/video2", "timesync.latency_ns", "31000000")),
                new DeviceConfig("arm", "dynamixel", Map.of("port", "/dev/ttyUSB0", "ids", "1-6")),
                new DeviceConfig("ft", "netft", Map.of())));
        String url = "jdbc:h2:file:" + dir.resolve("catalog");
        CatalogDatabase first = new CatalogDatabase(url, "sa");
        JdbcCatalog writer = new JdbcCatalog(first);
        writer.putStation(station);
        assertTrue(writer.station("nope").isEmpty());
        first.close();
        CatalogDatabase db = new CatalogDatabase(url, "sa");
        try {
            JdbcCatalog catalog = new JdbcCatalog(db);
            assertEquals(station, catalog.station("koch-lab-3").orElseThrow());
            StationConfig edited = new StationConfig("koch-lab-3", "koch", List.of(station.devices().get(2),
                    new DeviceConfig("arm", "dynamixel", Map.of("port", "/dev/ttyUSB1", "ids", "1-6"))));
            catalog.putStation(edited);
            assertEquals(edited, catalog.station("koch-lab-3").orElseThrow());
            assertTrue(catalog.deleteStation("koch-lab-3"));
            assertFalse(catalog.deleteStation("koch-lab-3"));
            assertTrue(catalog.station("koch-lab-3").isEmpty());
            assertEquals(List.of(), catalog.stationIds());
        } finally {
            db.close();
        }
    }
}
