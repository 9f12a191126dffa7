package dev.demoforge.quality.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.QualityCheck;
import dev.demoforge.quality.api.QualityService;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.api.Verdict;

/**
 * Runs every registered check on one in-memory copy of the episode's streams ({@link CachedEpisode}); a check that
 * throws becomes a FAIL of that check with the exception as reason.
 */
@Component(service = QualityService.class)
public final class QualityServiceImpl implements QualityService {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<QualityCheck> checks = new CopyOnWriteArrayList<>();

    @Override
    public List<CheckResult> evaluate(RawEpisode episode) {
        List<CheckResult> results = new ArrayList<>();
        RawEpisode cached = new CachedEpisode(episode);
        List<QualityCheck> ordered = new ArrayList<>(checks);
        ordered.sort(Comparator.comparing(QualityCheck::id));
        for (QualityCheck check : ordered) {
            try {
                results.add(check.evaluate(cached));
            } catch (Exception | LinkageError e) {
                results.add(new CheckResult(check.id(), Verdict.FAIL, 0, List.of(new Reason("check " + check.id()
                        + " could not run: " + e.getClass().getSimpleName() + ": " + e.getMessage(), 0, 0))));
            }
        }
        return results;
    }
}
