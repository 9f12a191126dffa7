package dev.demoforge.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.catalog.api.CatalogException;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;

/** The catalog's saved stations as the station manager reads them: every one, as saved, and an error once closed. */
class CatalogStationSourceTest {

    @TempDir
    Path dir;

    @Test
    void offersEverySavedStationAsSavedAndFailsWithTheCatalogsReason() {
        CatalogDatabase db = new CatalogDatabase("jdbc:h2:file:" + dir.resolve("catalog"), "sa");
        JdbcCatalog catalog = new JdbcCatalog(db);
        CatalogStationSource source = new CatalogStationSource(catalog);
        assertEquals(List.of(), source.savedStations());
        StationConfig a = new StationConfig("koch-lab-3", "koch", List.of(
                new DeviceConfig("arm", "dynamixel", Map.of("port", "/dev/ttyUSB0")),
                new DeviceConfig("cam", "camera", Map.of("url", "/dev/video0"))));
        StationConfig b = new StationConfig("sim", "demoforge_sim_arm", List.of(
                new DeviceConfig("arm", "sim.arm", Map.of("rate_hz", "1000"))));
        catalog.putStation(b);
        catalog.putStation(a);
        assertEquals(List.of(a, b), source.savedStations());
        db.close();
        CatalogException e = assertThrows(CatalogException.class, source::savedStations);
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "the catalog says why");
    }
}
