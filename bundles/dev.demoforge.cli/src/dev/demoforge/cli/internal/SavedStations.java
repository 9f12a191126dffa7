package dev.demoforge.cli.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;

/**
 * Station lookup for the command line, through the station manager: a station saved in the catalog wins over a
 * built-in one of the same id (saving a built-in station, e.g. with calibrated latencies, makes the saved copy the
 * one used from then on, here and in the workbench).
 */
final class SavedStations {

    private SavedStations() {
    }

    /** The saved station, else the built-in one; a usage error listing the known ids when neither exists. */
    static StationConfig resolve(StationManager stations, String id) throws UsageException {
        return stations.station(id).orElseThrow(() -> new UsageException("No station '" + id + "'. Stations: "
                + ids(stations)));
    }

    /** Saved and built-in station ids, sorted, each once. */
    static List<String> ids(StationManager stations) {
        return stations.stations().stream().map(StationConfig::id).toList();
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
