/**
 * The operator's episode loop without any UI: the scene plan (which factor levels the next episode uses and how to
 * say it), the loop's state machine (warm-up, prompt, countdown, recording, mark, reset) on its own thread, the
 * configurable keys, and bounded live series for plots. The Capture perspective drives these; tests drive them
 * directly.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.capture;
