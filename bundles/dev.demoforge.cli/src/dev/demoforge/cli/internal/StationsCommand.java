package dev.demoforge.cli.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;

/**
 * {@code stations list|show ID|revert ID [--json]}: the saved (catalog) and built-in stations, one station's devices
 * with their settings and what a saved copy changes against its built-in original, and going back to that original.
 */
final class StationsCommand {

    static final Set<String> SUBJECTS = Set.of("list", "show", "revert");
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
            throw new UsageException("stations " + args.subject() + " needs one station id; stations: "
                    + SavedStations.ids(stations));
        }
        if (args.subject().equals("revert")) {
            revert(operands.get(0));
            return;
        }
        show(SavedStations.resolve(stations, operands.get(0)), json);
    }

    private void list(boolean json) {
        List<String> saved = catalog.stationIds();
        List<Map<String, Object>> rows = SavedStations.ids(stations).stream().map(id -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("saved", saved.contains(id));
            row.put("built_in", stations.builtIn(id).isPresent());
            row.put("changes", changes(id).size());
            return row;
        }).toList();
        if (json) {
            out.println(Json.GSON.toJson(rows));
            return;
        }
        out.printf("%-24s %-6s %-8s %s%n", "station", "saved", "built-in", "changes to built-in");
        rows.forEach(r -> out.printf("%-24s %-6s %-8s %s%n", r.get("id"), (boolean) r.get("saved") ? "yes" : "",
                (boolean) r.get("built_in") ? "yes" : "",
                (boolean) r.get("saved") && (boolean) r.get("built_in") ? r.get("changes") : ""));
    }

    /** What the saved copy changes against the built-in station of its id; empty unless both exist. */
    private List<String> changes(String id) {
        Optional<StationConfig> saved = catalog.station(id);
        Optional<StationConfig> builtIn = stations.builtIn(id);
        return saved.isPresent() && builtIn.isPresent() ? saved.get().differencesFrom(builtIn.get()) : List.of();
    }

    private void revert(String id) throws UsageException {
        if (stations.builtIn(id).isEmpty()) {
            throw new UsageException("Station '" + id + "' is not built in: there is nothing to revert to"
                    + " (a station saved from scratch stays; built-in stations: "
                    + stations.stations().stream().map(StationConfig::id).filter(s -> stations.builtIn(s)
                            .isPresent()).toList() + ")");
        }
        List<String> dropped = changes(id);
        if (!catalog.deleteStation(id)) {
            out.printf("Station %s has no saved copy: the built-in station is already the one used.%n", id);
            return;
        }
        out.printf("Deleted the saved copy of station %s; the built-in station is used from now on.%n", id);
        dropped.forEach(line -> out.printf("  dropped: %s%n", line));
    }

    private void show(StationConfig station, boolean json) {
        if (json) {
            out.println(Json.GSON.toJson(station));
            return;
        }
        boolean saved = catalog.station(station.id()).isPresent();
        boolean builtIn = stations.builtIn(station.id()).isPresent();
        out.printf("Station %s (robot type %s)%s%n", station.id(), station.robotType(), !saved
                ? ", built in (not saved)" : builtIn ? ", saved in the catalog over the built-in station"
                        : ", saved in the catalog");
        for (DeviceConfig d : station.devices()) {
            out.printf("  %-14s %s%n", d.deviceId(), d.driverId());
            new TreeMap<>(d.properties()).forEach((k, v) -> out.printf("      %s=%s%n", k, v));
        }
        if (saved && builtIn) {
            List<String> changes = changes(station.id());
            out.printf("Changes to the built-in station (%d; `stations revert %s` drops them):%n", changes.size(),
                    station.id());
            changes.forEach(line -> out.printf("  %s%n", line));
        }
    }
}
