package dev.demoforge.export.api;

import java.util.List;
import java.util.Set;

/**
 * What a format can hold and which options it takes. Immutable.
 *
 * @param video   whether VIDEO features are stored as encoded video
 * @param images  whether VIDEO features can be stored as per-frame images instead
 * @param kinds   feature kinds the format accepts
 * @param options options the workbench renders as a form, in display order
 * @since 0.1
 */
public record ExporterCapabilities(boolean video, boolean images, Set<FeatureKind> kinds, List<OptionSpec> options) {

    /** Copies. */
    public ExporterCapabilities {
        kinds = Set.copyOf(kinds);
        options = List.copyOf(options);
    }
}
