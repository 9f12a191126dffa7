/**
 * Turning raw episodes into datasets: the dataset timeline, the alignment of every stream onto it (on device clocks
 * mapped to the host clock where devices stamp their samples), its report, and the export of a set of episodes
 * through an exporter.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.3.0")
package dev.demoforge.dataset;
