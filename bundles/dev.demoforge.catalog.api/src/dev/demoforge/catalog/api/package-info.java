/**
 * The catalog: stations, sessions, episodes, review decisions and quality results, in a relational database
 * (embedded H2 in the workspace by default). Raw episode files stay on disk; the catalog points at them.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.catalog.api;
