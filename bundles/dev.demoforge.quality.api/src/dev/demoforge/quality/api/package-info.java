/**
 * Quality checks: automated verdicts on recorded episodes, with reasons that point at time ranges.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.quality.api;
