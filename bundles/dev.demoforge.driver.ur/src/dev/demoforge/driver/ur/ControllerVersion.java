package dev.demoforge.driver.ur;

/**
 * The software version a UR controller reports (RTDE_GET_URCONTROL_VERSION): 3.x is a CB3 controller, 5.x an
 * e-Series, 10.x PolyScope X. Immutable.
 *
 * @since 0.1
 */
public record ControllerVersion(long major, long minor, long bugfix, long build) {

    /** The oldest controller the official RTDE client accepts (3.2.19171). */
    public static final ControllerVersion OLDEST_WITH_RTDE = new ControllerVersion(3, 2, 19171, 0);

    /** Highest RTDE output frequency of this controller: 500 Hz from e-Series (5.x) on, 125 Hz on CB3 (3.x). */
    public double maxFrequencyHz() {
        return major >= 5 ? 500 : 125;
    }

    /** Whether the controller speaks RTDE at all (3.2.19171 or newer). */
    public boolean hasRtde() {
        return compareTo(OLDEST_WITH_RTDE) >= 0;
    }

    /** Controller generation as users name it. */
    public String generation() {
        if (major >= 10) {
            return "PolyScope X";
        }
        return major >= 5 ? "e-Series" : major == 3 ? "CB3" : "CB" + major;
    }

    private int compareTo(ControllerVersion o) {
        int c = Long.compare(major, o.major);
        c = c != 0 ? c : Long.compare(minor, o.minor);
        c = c != 0 ? c : Long.compare(bugfix, o.bugfix);
        return c != 0 ? c : Long.compare(build, o.build);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + bugfix + "." + build;
    }
}
