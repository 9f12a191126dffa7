/**
 * The simulated station: public models that consumers of its recordings need (the arm's kinematics).
 * <p>
 * The drivers themselves ("sim.arm", "sim.leader", "sim.camera", "sim.ft") are registered as
 * {@link dev.demoforge.device.api.DeviceDriverFactory} services and the station as a
 * {@link dev.demoforge.device.api.StationProvider} with id "sim"; their classes are internal.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package dev.demoforge.driver.sim;
