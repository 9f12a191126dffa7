package dev.demoforge.quality.api;

import java.util.List;

import dev.demoforge.episode.api.RawEpisode;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs every registered {@link QualityCheck} on an episode, each guarded. Blocking; call off the UI thread.
 *
 * @since 0.1
 */
@ProviderType
public interface QualityService {

    List<CheckResult> evaluate(RawEpisode episode);

    /** The worst verdict of a set of results; PASS for none. */
    static Verdict overall(List<CheckResult> results) {
        return results.stream().map(CheckResult::verdict).max(Enum::compareTo).orElse(Verdict.PASS);
    }
}
