package dev.demoforge.cli.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;

/**
 * {@code stations list|show ID [--json]}: the saved (catalog) and built-in stations, and one station's devices with
 * their settings.
 */
final class StationsCommand {

    static final Set<String> SUBJECTS = Set.of("list", "show");
    static final Set<String> FLAGS = Set.of("json");

    private final Catalog catalog;
    private final StationManager stations;
    private final PrintStream out;

    StationsCommand(Catalog catalog, StationManager stations, PrintStream out) {
        this.catalog = catalog;
        this.stations = stations;
        this.out = out;
    }

    void run(Arguments args) throws UsageException {
        boolean json = args.flag("json");
        if (args.subject().equals("list")) {
            list(json);
            return;
        }
        List<String> operands = args.operands();
        if (operands.size() != 1) {
            throw new UsageException("stations show needs one station id; stations: "
                    + SavedStations.ids(catalog, stations));
        }
        show(SavedStations.resolve(catalog, stations, operands.get(0)), json);
    }

    private void list(boolean json) {
        List<String> saved = catalog.stationIds();
        List<Map<String, Object>> rows = SavedStations.ids(catalog, stations).stream().map(id -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("saved", saved.contains(id));
            row.put("built_in", stations.station(id).isPresent());
            return row;
        }).toList();
        if (json) {
            out.println(Json.GSON.toJson(rows));
            return;
        }
        out.printf("%-24s %-6s %-8s%n", "station", "saved", "built-in");
        rows.forEach(r -> out.printf("%-24s %-6s %-8s%n", r.get("id"), (boolean) r.get("saved") ? "yes" : "",
                (boolean) r.get("built_in") ? "yes" : ""));
    }

    private void show(StationConfig station, boolean json) {
        if (json) {
            out.println(Json.GSON.toJson(station));
            return;
        }
        out.printf("Station %s (robot type %s)%s%n", station.id(), station.robotType(),
                catalog.station(station.id()).isPresent() ? ", saved in the catalog" : ", built in (not saved)");
        for (DeviceConfig d : station.devices()) {
            out.printf("  %-14s %s%n", d.deviceId(), d.driverId());
            new TreeMap<>(d.properties()).forEach((k, v) -> out.printf("      %s=%s%n", k, v));
        }
    }
}
