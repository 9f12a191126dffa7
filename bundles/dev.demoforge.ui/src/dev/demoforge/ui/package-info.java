/**
 * Shared pieces of the DemoForge workbench for the capture, review and dataset UI bundles: the workspace location
 * and the workbench's event topics. The application model itself ({@code Application.e4xmi}) defines the window,
 * the Capture, Review and Dataset perspectives with their part stacks, the perspective switcher and the status line.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.ui;
