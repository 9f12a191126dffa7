package dev.demoforge.export.lerobot.internal;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.export.api.DatasetExporter;

/**
 * LeRobot dataset v3.0 exporter (formats.md §1), format id {@code lerobot}: parquet data and metadata, one H.264 (or
 * AV1) mp4 per camera key and file, many episodes per file.
 */
@Component(service = DatasetExporter.class)
public final class LeRobotExporter extends LeRobotExporters {

    /** The format id. */
    public static final String FORMAT_ID = "lerobot";

    public LeRobotExporter() {
        super(LeRobotFormat.V3_0);
    }
}
