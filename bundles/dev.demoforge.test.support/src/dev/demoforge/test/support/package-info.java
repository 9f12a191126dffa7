/**
 * Test support for driver authors: the {@link dev.demoforge.test.support.DriverConformanceKit} every driver's tests
 * extend, and a {@link dev.demoforge.test.support.CollectingDeviceContext} standing in for the framework. Uses
 * JUnit 5 (Jupiter); ships in the SDK, not in the product.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.test.support;
