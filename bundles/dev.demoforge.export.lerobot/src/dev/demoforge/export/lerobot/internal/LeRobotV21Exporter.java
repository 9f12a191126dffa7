package dev.demoforge.export.lerobot.internal;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.export.api.DatasetExporter;

/**
 * LeRobot dataset v2.1 exporter (formats.md §2), format id {@code lerobot-v2.1}, for training with lerobot 0.3.x:
 * one parquet and one mp4 per episode (and camera), JSON-lines metadata with per-episode stats.
 */
@Component(service = DatasetExporter.class)
public final class LeRobotV21Exporter extends LeRobotExporters {

    /** The format id. */
    public static final String FORMAT_ID = "lerobot-v2.1";

    public LeRobotV21Exporter() {
        super(LeRobotFormat.V2_1);
    }
}
