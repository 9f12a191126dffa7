package dev.demoforge.driver.sim.internal;

import java.awt.Color;

import dev.demoforge.driver.sim.SimArmModel;

/**
 * The wrist camera: mounted on the wrist, looking along the approach axis past the fingers, so the table, bin and
 * object grow as the gripper comes down on them; the fingers show at their opening.
 */
final class WristRenderer extends Renderer {

    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    private static final double HFOV_DEG = 78;
    private static final Color FLOOR = new Color(70, 66, 62);
    private static final Color FINGER = new Color(36, 36, 40);
    private static final double[][] TABLE_QUAD = {{-0.25, -0.5, 0}, {0.65, -0.5, 0}, {0.65, 0.5, 0}, {-0.25, 0.5, 0}};

    private final double focal = (WIDTH / 2.0) / Math.tan(Math.toRadians(HFOV_DEG) / 2);

    WristRenderer() {
        super(WIDTH, HEIGHT);
    }

    @Override
    protected void draw(WorldState s, SimArmModel model) {
        double[][] frames = model.frames(s.follower());
        double[] tool = frames[frames.length - 1];
        double[] x = axis(tool, 0);
        double[] y = axis(tool, 1);
        double[] z = axis(tool, 2);
        double[] eye = along(origin(frames[5]), y, -0.04);
        Pinhole cam = new Pinhole(eye, x, y, z, focal, WIDTH / 2.0, HEIGHT / 2.0);
        g.setColor(FLOOR);
        g.fillRect(0, 0, width, height);
        if (!poly(cam, TABLE_QUAD, TABLE)) {
            g.setColor(TABLE);
            g.fillRect(0, 0, width, height);
        }
        binBack(cam, s.bin());
        cube(cam, s.object(), TrialPlanner.OBJECT_SIZE, CUBE);
        binFront(cam, s.bin());
        double half = Math.clamp(s.follower()[6], 0.0, 1.0) * TrialPlanner.MAX_OPENING / 2 + 0.006;
        double[] tip = origin(tool);
        double[] palm = along(tip, z, -0.05);
        for (int side = -1; side <= 1; side += 2) {
            segment(cam, along(palm, x, side * half), along(tip, x, side * half), 0.006, FINGER);
        }
    }
}
