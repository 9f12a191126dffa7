package dev.demoforge.device.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.SavedStationSource;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StationProvider;
import dev.demoforge.device.api.StreamSpec;

/**
 * Finds driver factories, station providers and the saved-station source as they come and go, and connects stations
 * with every driver call guarded. Saved stations are read on every call (the catalog is the truth; a station saved a
 * moment ago is the one connected next).
 */
@Component(service = StationManager.class)
public final class StationManagerImpl implements StationManager {

    private static final Duration CREATE_LIMIT = Duration.ofSeconds(2);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<DeviceDriverFactory> factories = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<StationProvider> providers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SavedStationSource saved;

    /**
     * @throws IllegalStateException naming the cause when the saved stations cannot be read (a station of that id
     *                               may have been saved: connecting its built-in original instead would record with
     *                               settings the user replaced)
     */
    @Override
    public List<StationConfig> stations() {
        Map<String, StationConfig> byId = new TreeMap<>();
        builtIns().forEach(s -> byId.putIfAbsent(s.id(), s));
        savedStations().forEach(s -> byId.put(s.id(), s));
        return List.copyOf(byId.values());
    }

    @Override
    public Optional<StationConfig> station(String id) {
        Optional<StationConfig> copy = savedStations().stream().filter(s -> s.id().equals(id)).findFirst();
        return copy.isPresent() ? copy : builtIn(id);
    }

    @Override
    public Optional<StationConfig> builtIn(String id) {
        return builtIns().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private List<StationConfig> savedStations() {
        SavedStationSource source = saved;
        if (source == null) {
            return List.of();
        }
        try {
            return source.savedStations();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The saved stations cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private List<StationConfig> builtIns() {
        List<StationConfig> result = new ArrayList<>();
        for (StationProvider provider : providers) {
            try {
                result.add(provider.station());
            } catch (RuntimeException e) {
                System.getLogger(getClass().getName()).log(System.Logger.Level.WARNING,
                        "Station provider " + provider + " failed", e);
            }
        }
        result.sort(Comparator.comparing(StationConfig::id));
        return result;
    }

    @Override
    public ConnectedStation connect(StationConfig station) {
        DriverGuard guard = new DriverGuard();
        SinkFanOut sinks = new SinkFanOut();
        List<GuardedDevice> devices = new ArrayList<>();
        for (DeviceConfig config : station.devices()) {
            devices.add(create(config, guard, sinks));
        }
        devices.forEach(d -> d.start(guard));
        return new ConnectedStationImpl(station, devices, sinks, guard);
    }

    private GuardedDevice create(DeviceConfig config, DriverGuard guard, SinkFanOut sinks) {
        Optional<DeviceDriverFactory> factory = factories.stream()
                .filter(f -> f.driverId().equals(config.driverId())).findFirst();
        if (factory.isEmpty()) {
            return GuardedDevice.unavailable(config,
                    DeviceStatus.offline("no driver '" + config.driverId() + "' is installed"), sinks);
        }
        AtomicReference<DeviceDriver> driver = new AtomicReference<>();
        AtomicReference<List<StreamSpec>> streams = new AtomicReference<>();
        String failure = guard.run("creating " + config.deviceId() + " with driver " + config.driverId(),
                CREATE_LIMIT, () -> {
                    DeviceDriver created = factory.get().create(config);
                    driver.set(created);
                    streams.set(List.copyOf(created.streams()));
                });
        if (failure != null) {
            return GuardedDevice.unavailable(config, DeviceStatus.failed(failure), sinks);
        }
        return new GuardedDevice(config, driver.get(), streams.get(), sinks);
    }
}
