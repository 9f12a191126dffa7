/**
 * Task specifications and capture sessions: what the operator is asked to do (instruction, success criterion,
 * limits, scene factors to vary), which sessions ran it, and per episode the scene actually used and the operator's
 * mark. Stored in the catalog next to the episodes.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.catalog.api.tasks;
