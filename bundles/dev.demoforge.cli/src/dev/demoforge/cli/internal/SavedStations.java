package dev.demoforge.cli.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;

/**
 * Station lookup for the command line: a station saved in the catalog wins over a built-in one of the same id
 * (saving a built-in station, e.g. with calibrated latencies, makes the saved copy the one used from then on).
 */
final class SavedStations {

    private SavedStations() {
    }

    /** The saved station, else the built-in one; a usage error listing the known ids when neither exists. */
    static StationConfig resolve(Catalog catalog, StationManager stations, String id) throws UsageException {
        Optional<StationConfig> saved = catalog.station(id);
        if (saved.isPresent()) {
            return saved.get();
        }
        return stations.station(id).orElseThrow(() -> new UsageException("No station '" + id + "'. Stations: "
                + ids(catalog, stations)));
    }

    /** Saved and built-in station ids, sorted, each once. */
    static List<String> ids(Catalog catalog, StationManager stations) {
        TreeSet<String> ids = new TreeSet<>(catalog.stationIds());
        stations.stations().forEach(s -> ids.add(s.id()));
        return List.copyOf(ids);
    }

    /** The station with one property set on some devices ({@code values}: device id to value). */
    static StationConfig withProperty(StationConfig station, String key, Map<String, String> values) {
        List<DeviceConfig> devices = station.devices().stream().map(d -> {
            if (!values.containsKey(d.deviceId())) {
                return d;
            }
            Map<String, String> p = new HashMap<>(d.properties());
            p.put(key, values.get(d.deviceId()));
            return new DeviceConfig(d.deviceId(), d.driverId(), p);
        }).toList();
        return new StationConfig(station.id(), station.robotType(), devices);
    }
}
