package dev.demoforge.device.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StationProvider;
import dev.demoforge.device.api.StreamSpec;

/**
 * Finds driver factories and station providers as they come and go, and connects stations with every driver call
 * guarded.
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

    @Override
    public List<StationConfig> stations() {
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
    public Optional<StationConfig> station(String id) {
        return stations().stream().filter(s -> s.id().equals(id)).findFirst();
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
