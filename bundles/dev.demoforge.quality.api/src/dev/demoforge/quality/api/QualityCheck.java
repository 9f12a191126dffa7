package dev.demoforge.quality.api;

import dev.demoforge.episode.api.RawEpisode;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An automated check over a recorded episode, registered as an OSGi service. Called off the UI thread, one
 * episode at a time per call; may block on file I/O. A check that throws is reported as a FAIL of that check and
 * never stops the others.
 *
 * @since 0.1
 */
@ConsumerType
public interface QualityCheck {

    String id();

    String label();

    CheckResult evaluate(RawEpisode episode) throws Exception;
}
