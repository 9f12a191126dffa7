package dev.demoforge.export.support;

import java.io.IOException;

import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.FeatureSpec;

/**
 * Checks what an exporter receives before it writes anything, so that a malformed episode fails with a message
 * naming the episode, feature, row and value instead of producing a broken dataset. Stateless.
 *
 * @since 0.1
 */
public final class EpisodeInputs {

    private EpisodeInputs() {
    }

    /**
     * The values of one vector feature, {@code length() x width}, checked: one row per dataset row, each of the
     * feature's width, every value finite.
     */
    public static float[][] vectors(EpisodeFrames ep, FeatureSpec f) throws IOException {
        float[][] v = ep.vectors(f.key());
        String where = "Episode '" + ep.sourceId() + "' feature '" + f.key() + "'";
        if (v == null || v.length != ep.length()) {
            throw new IOException(where + " has " + (v == null ? "no" : v.length) + " rows, expected "
                    + ep.length());
        }
        for (int r = 0; r < v.length; r++) {
            if (v[r] == null || v[r].length != f.width()) {
                throw new IOException(where + " row " + r + " has " + (v[r] == null ? "no" : v[r].length)
                        + " values, expected " + f.width());
            }
            for (int d = 0; d < v[r].length; d++) {
                if (!Float.isFinite(v[r][d])) {
                    throw new IOException(where + " row " + r + " value " + d + " is " + v[r][d]);
                }
            }
        }
        return v;
    }
}
