package dev.demoforge.catalog.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Quality per operator and shift, from the catalog's episodes, check results and review decisions. A shift is an
 * operator's run of episodes in which no two consecutive starts are more than {@link #SHIFT_GAP_HOURS} apart and
 * which spans at most {@link #SHIFT_HOURS} (a longer run starts a new shift). Thread-safe; blocking (one query):
 * call it off the UI thread.
 *
 * <p>An episode <em>passes</em> when no quality check failed it and no reviewer rejected it. Its smoothness is the
 * {@code smoothness} check's score (the lowest SPARC of its movements; NaN without that check).
 *
 * <p><b>Fatigue rule.</b> Baseline: the episodes started in the shift's first hour (at least
 * {@link #MIN_GROUP} of them). Recent: the last {@link #RECENT} episodes started after the first hour (at least
 * {@link #MIN_GROUP}). A warning when the recent mean smoothness is below the baseline's by more than
 * {@link #SMOOTHNESS_DROP} with Welch's t ≥ {@link #T_MIN}, or the recent pass rate is at least
 * {@link #PASS_RATE_DROP} below the baseline's with a one-sided two-proportion z ≥ {@link #Z_MIN}.
 *
 * @since 0.1
 */
@ProviderType
public interface OperatorShifts {

    double SHIFT_GAP_HOURS = 1.0;
    double SHIFT_HOURS = 8.0;
    int MIN_GROUP = 5;
    int RECENT = 10;
    double SMOOTHNESS_DROP = 0.1;
    double T_MIN = 2.0;
    double PASS_RATE_DROP = 0.25;
    double Z_MIN = 1.645;

    /** Every shift of every operator (null) or of one operator, ordered by operator, then start. */
    List<OperatorShift> shifts(String operator);
}
