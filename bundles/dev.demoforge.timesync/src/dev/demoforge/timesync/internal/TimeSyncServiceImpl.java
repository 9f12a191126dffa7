package dev.demoforge.timesync.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.timesync.ClockEstimator;
import dev.demoforge.timesync.ClockModel;
import dev.demoforge.timesync.TimeSyncService;

/** The lower-envelope time sync; fixed latencies come from the stations' device properties. */
@Component(service = TimeSyncService.class)
public final class TimeSyncServiceImpl implements TimeSyncService {

    private final StationManager stations;

    /** @param stations where device properties are looked up; may be absent (every latency is then 0) */
    @Activate
    public TimeSyncServiceImpl(@Reference(cardinality = ReferenceCardinality.OPTIONAL,
            policyOption = ReferencePolicyOption.GREEDY) StationManager stations) {
        this.stations = stations;
    }

    @Override
    public ClockEstimator estimator(String clockId, long fixedLatencyNs) {
        return new HullClockEstimator(clockId, fixedLatencyNs, PairHistory.ring(HullClockEstimator.RING), true);
    }

    @Override
    public ClockEstimator recordingEstimator(String clockId, long fixedLatencyNs) {
        return new HullClockEstimator(clockId, fixedLatencyNs, PairHistory.ring(HullClockEstimator.RECORDING_RING),
                false);
    }

    @Override
    public ClockModel estimate(String clockId, long[] deviceNanos, long[] hostNanos, int count, long fixedLatencyNs) {
        if (count <= 0 || count > deviceNanos.length || count > hostNanos.length) {
            throw new IllegalArgumentException("Clock " + clockId + ": cannot estimate from " + count + " pairs ("
                    + deviceNanos.length + " device and " + hostNanos.length + " host times given)");
        }
        HullClockEstimator e = new HullClockEstimator(clockId, fixedLatencyNs, PairHistory.of(deviceNanos,
                hostNanos), false);
        for (int i = 0; i < count; i++) {
            e.add(deviceNanos[i], hostNanos[i]);
        }
        e.finish();
        return e.model().orElseThrow();
    }

    @Override
    public long fixedLatencyNs(String stationId, String deviceId) {
        if (stations == null || stationId == null) {
            return 0;
        }
        Optional<StationConfig> station = stations.station(stationId);
        if (station.isEmpty()) {
            return 0;
        }
        for (DeviceConfig d : station.get().devices()) {
            if (d.deviceId().equals(deviceId)) {
                try {
                    return TimeSyncService.fixedLatencyNs(d);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Station " + stationId + ": " + e.getMessage(), e);
                }
            }
        }
        return 0;
    }
}
