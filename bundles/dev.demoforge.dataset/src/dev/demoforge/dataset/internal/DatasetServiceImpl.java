package dev.demoforge.dataset.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.service.component.annotations.Component;

import dev.demoforge.dataset.DatasetService;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;

/** Dataset building on the reference camera's timeline. */
@Component(service = DatasetService.class)
public final class DatasetServiceImpl implements DatasetService {

    @Override
    public DatasetSpec spec(String name, RawEpisode episode) {
        FeatureLayout layout = FeatureLayout.of(episode.manifest().streams());
        int fps = (int) Math.round(layout.referenceCamera().spec().nominalRateHz());
        return new DatasetSpec(name, episode.manifest().robotType(), fps, layout.features());
    }

    @Override
    public EpisodeFrames align(RawEpisode episode, DatasetSpec spec) throws IOException {
        return new AlignedEpisode(episode, spec);
    }

    @Override
    public ExportResult export(DatasetExporter exporter, String name, List<RawEpisode> episodes, Path outputDir,
            Map<String, String> options, IProgressMonitor monitor) throws IOException {
        if (episodes.isEmpty()) {
            throw new IOException("No episodes to export");
        }
        SubMonitor progress = SubMonitor.convert(monitor, "Exporting " + episodes.size() + " episodes as "
                + exporter.label(), episodes.size() + 1);
        DatasetSpec spec = spec(name, episodes.get(0));
        try (ExportSession session = exporter.begin(outputDir, spec, options)) {
            for (RawEpisode episode : episodes) {
                if (progress.isCanceled()) {
                    throw new OperationCanceledException();
                }
                progress.subTask(episode.manifest().episodeId());
                session.writeEpisode(align(episode, spec), progress.split(1));
            }
            return session.finish(progress.split(1));
        }
    }
}
