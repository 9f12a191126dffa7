/**
 * Validation of the built-in quality checks against the simulated station's ground truth: reading a trial's truth
 * from a recorded episode, recording seeded simulated trials, and precision/recall of the checks.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.quality.validation;
