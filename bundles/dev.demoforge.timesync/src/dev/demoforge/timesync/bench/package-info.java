/**
 * Measuring time sync against a station whose devices publish their clocks' ground truth (the simulated station's
 * {@code clock_truth} events): how far the times a dataset would use lie from the true capture instants, naive
 * loop-time stamping versus the lower-envelope sync. Used by {@code ./demoforge bench sync} and by the tests that
 * hold the alignment bound.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.timesync.bench;
