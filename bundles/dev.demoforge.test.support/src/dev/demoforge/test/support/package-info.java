/**
 * Test support for driver authors: the {@link dev.demoforge.test.support.DriverConformanceKit} every driver's tests
 * extend, a {@link dev.demoforge.test.support.CollectingDeviceContext} standing in for the framework, and benchmark
 * helpers ({@link dev.demoforge.test.support.StreamRecording} of a running driver's stream,
 * {@link dev.demoforge.test.support.LatencyFigures} for printing distributions). Uses JUnit 5 (Jupiter); ships in the
 * SDK, not in the product.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package dev.demoforge.test.support;
