package dev.demoforge.driver.serial;

/**
 * What a servo says about itself when pinged.
 *
 * @param id          bus id
 * @param modelNumber the model number of its control table (e.g. 1060 for a Dynamixel XL430-W250, 777 for a Feetech
 *                    STS3215)
 * @param firmware    firmware version as the servo reports it
 * @since 0.1
 */
public record ServoIdentity(int id, int modelNumber, int firmware) {
}
