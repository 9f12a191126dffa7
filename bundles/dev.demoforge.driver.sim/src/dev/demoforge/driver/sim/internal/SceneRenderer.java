package dev.demoforge.driver.sim.internal;

import java.awt.Color;
import java.awt.GradientPaint;

import dev.demoforge.driver.sim.SimArmModel;

/**
 * The fixed scene camera: table, target bin, object, and the follower arm drawn from its joint state (links, joints,
 * gripper fingers at their opening), with simple shadows on the table.
 */
final class SceneRenderer extends Renderer {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final Color LINK = new Color(236, 140, 36);
    private static final Color JOINT = new Color(60, 60, 66);
    private static final Color FINGER = new Color(40, 40, 44);
    private static final Color SHADOW = Renderer.shade(TABLE, 0.72);
    private static final double[][] TABLE_QUAD = {{-0.25, -0.5, 0}, {0.65, -0.5, 0}, {0.65, 0.5, 0}, {-0.25, 0.5, 0}};

    private final Pinhole cam = Pinhole.lookAt(new double[] {1.00, -0.38, 0.78}, new double[] {0.14, 0.0, 0.14},
            58, WIDTH, HEIGHT);
    /** Wall and table, drawn once and copied under every frame. */
    private final byte[] background;

    SceneRenderer() {
        super(WIDTH, HEIGHT);
        g.setPaint(new GradientPaint(0, 0, new Color(196, 204, 214), 0, HEIGHT, new Color(120, 128, 140)));
        g.fillRect(0, 0, width, height);
        poly(cam, TABLE_QUAD, TABLE);
        background = pixels().clone();
    }

    @Override
    protected void draw(WorldState s, SimArmModel model) {
        System.arraycopy(background, 0, pixels(), 0, background.length);
        double[][] frames = model.frames(s.follower());
        double[][] chain = {{0, 0, 0}, origin(frames[1]), origin(frames[2]), origin(frames[3]), origin(frames[5]),
            origin(frames[frames.length - 1])};
        double[] obj = s.object();
        double size = TrialPlanner.OBJECT_SIZE;
        for (int i = 0; i + 1 < chain.length; i++) {
            segment(cam, flat(chain[i]), flat(chain[i + 1]), 0.018, SHADOW);
        }
        poly(cam, footprint(obj, size * 0.62, 0.0005), SHADOW);
        binBack(cam, s.bin());
        double[] tip = chain[chain.length - 1];
        boolean objectInFront = cam.depth(obj[0], obj[1], obj[2]) < cam.depth(tip[0], tip[1], tip[2]) - 0.02;
        if (!objectInFront) {
            cube(cam, obj, size, CUBE);
        }
        binFront(cam, s.bin());
        segment(cam, new double[] {0, 0, 0}, new double[] {0, 0, 0.06}, 0.045, JOINT);
        for (int i = 1; i + 1 < chain.length; i++) {
            segment(cam, chain[i], chain[i + 1], i < 3 ? 0.022 : 0.016, LINK);
        }
        for (int i = 1; i + 1 < chain.length; i++) {
            segment(cam, chain[i], chain[i], 0.03, JOINT);
        }
        gripper(frames[frames.length - 1], s.follower()[6]);
        if (objectInFront) {
            cube(cam, obj, size, CUBE);
        }
    }

    /** Palm and two fingers, opened to {@code opening} (0..1) along the tool's x axis. */
    private void gripper(double[] tool, double opening) {
        double[] tip = origin(tool);
        double[] x = axis(tool, 0);
        double[] z = axis(tool, 2);
        double half = Math.clamp(opening, 0.0, 1.0) * TrialPlanner.MAX_OPENING / 2 + 0.006;
        double[] palm = along(tip, z, -0.05);
        double[] left = along(palm, x, half);
        double[] right = along(palm, x, -half);
        segment(cam, left, right, 0.008, FINGER);
        segment(cam, left, along(tip, x, half), 0.007, FINGER);
        segment(cam, right, along(tip, x, -half), 0.007, FINGER);
    }

    private static double[] flat(double[] p) {
        return new double[] {p[0] + 0.25 * p[2], p[1] - 0.15 * p[2], 0.0005};
    }

    private static double[][] footprint(double[] obj, double r, double z) {
        double c = Math.cos(obj[3]);
        double s = Math.sin(obj[3]);
        double ox = obj[0] + 0.25 * obj[2];
        double oy = obj[1] - 0.15 * obj[2];
        return new double[][] {{ox + r * (c - s), oy + r * (s + c), z}, {ox + r * (-c - s), oy + r * (-s + c), z},
            {ox + r * (-c + s), oy + r * (-s - c), z}, {ox + r * (c + s), oy + r * (s - c), z}};
    }
}
