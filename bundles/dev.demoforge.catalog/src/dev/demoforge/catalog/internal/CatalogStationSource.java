package dev.demoforge.catalog.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.device.api.SavedStationSource;
import dev.demoforge.device.api.StationConfig;

/**
 * The stations saved in the workspace's catalog, for the station manager: what the station editor, {@code calibrate
 * latency --save} and {@code stations} store with {@link Catalog#putStation}. A short blocking read per call.
 */
@Component(service = SavedStationSource.class)
public final class CatalogStationSource implements SavedStationSource {

    private final Catalog catalog;

    @Activate
    public CatalogStationSource(@Reference Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<StationConfig> savedStations() {
        return catalog.stationIds().stream().map(catalog::station).flatMap(Optional::stream).toList();
    }
}
