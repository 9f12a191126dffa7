/**
 * Driver settings schemas: what properties a device driver accepts, with types, defaults and choices, read from the
 * OSGi Metatype description its bundle ships. Tools (the station editor, the CLI) build forms and check
 * configurations from them.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.device.api.settings;
