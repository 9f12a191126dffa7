package dev.demoforge.driver.sim.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import dev.demoforge.driver.sim.SimArmModel;

/**
 * Draws a {@link WorldState} with Java2D into one reused {@code TYPE_3BYTE_BGR} image, whose raster is packed BGR24
 * exactly as {@link dev.demoforge.device.api.ImageSample} wants it. Not thread-safe: one renderer per camera thread.
 */
abstract class Renderer {

    static final Color TABLE = new Color(164, 128, 92);
    static final Color BIN_FLOOR = new Color(52, 82, 140);
    static final Color BIN_WALL = new Color(84, 118, 184);
    static final Color CUBE = new Color(210, 44, 40);
    static final double BIN_WALL_HEIGHT = 0.03;
    private static final double[] LIGHT = Pinhole.normalize(new double[] {0.3, -0.4, 0.85});

    protected final int width;
    protected final int height;
    protected final BufferedImage image;
    protected final Graphics2D g;
    private final int[] xs = new int[8];
    private final int[] ys = new int[8];
    private final double[] p = new double[3];

    Renderer(int width, int height) {
        this.width = width;
        this.height = height;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    /** Draws the state over the whole image. */
    protected abstract void draw(WorldState s, SimArmModel model);

    /** Renders the state and returns a fresh copy of the BGR24 bytes ({@code width * height * 3}). */
    final byte[] renderBgr(WorldState s, SimArmModel model) {
        draw(s, model);
        return pixels().clone();
    }

    /** The image's own BGR24 bytes (drawing through {@link #g} changes them). */
    protected final byte[] pixels() {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    /** Fills a planar convex polygon of world points; skipped when a vertex is behind the near plane. */
    protected final boolean poly(Pinhole cam, double[][] pts, Color c) {
        for (int i = 0; i < pts.length; i++) {
            if (!cam.project(pts[i][0], pts[i][1], pts[i][2], p)) {
                return false;
            }
            xs[i] = (int) Math.round(p[0]);
            ys[i] = (int) Math.round(p[1]);
        }
        g.setColor(c);
        g.fillPolygon(xs, ys, pts.length);
        return true;
    }

    /** A segment of world width {@code widthM} (m), scaled with its mean depth. */
    protected final void segment(Pinhole cam, double[] a, double[] b, double widthM, Color c) {
        if (!cam.project(a[0], a[1], a[2], p)) {
            return;
        }
        double ax = p[0];
        double ay = p[1];
        double da = p[2];
        if (!cam.project(b[0], b[1], b[2], p)) {
            return;
        }
        float w = (float) Math.max(1.0, cam.f() * widthM * 2 / (da + p[2]));
        g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(c);
        g.drawLine((int) Math.round(ax), (int) Math.round(ay), (int) Math.round(p[0]), (int) Math.round(p[1]));
    }

    /** The visible faces of the cube {x, y, z, yaw} with edge {@code size}, shaded by a fixed light. */
    protected final void cube(Pinhole cam, double[] obj, double size, Color base) {
        double h = size / 2;
        double c = Math.cos(obj[3]);
        double s = Math.sin(obj[3]);
        double[][] axes = {{c, s, 0}, {-s, c, 0}, {0, 0, 1}};
        for (int a = 0; a < 3; a++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                double[] n = {axes[a][0] * sign, axes[a][1] * sign, axes[a][2] * sign};
                double[] centre = {obj[0] + n[0] * h, obj[1] + n[1] * h, obj[2] + n[2] * h};
                double facing = n[0] * (cam.pos()[0] - centre[0]) + n[1] * (cam.pos()[1] - centre[1])
                        + n[2] * (cam.pos()[2] - centre[2]);
                if (facing <= 0) {
                    continue;
                }
                double[] u = axes[(a + 1) % 3];
                double[] v = axes[(a + 2) % 3];
                double[][] q = new double[4][];
                for (int k = 0; k < 4; k++) {
                    double su = (k == 0 || k == 3) ? -h : h;
                    double sv = k < 2 ? -h : h;
                    q[k] = new double[] {centre[0] + u[0] * su + v[0] * sv, centre[1] + u[1] * su + v[1] * sv,
                        centre[2] + u[2] * su + v[2] * sv};
                }
                double light = 0.55 + 0.45 * Math.max(0, n[0] * LIGHT[0] + n[1] * LIGHT[1] + n[2] * LIGHT[2]);
                poly(cam, q, shade(base, light));
            }
        }
    }

    /** The bin's floor and the walls whose inside faces the camera (draw before the object). */
    protected final void binBack(Pinhole cam, double[] bin) {
        double x0 = bin[0] - bin[2];
        double x1 = bin[0] + bin[2];
        double y0 = bin[1] - bin[3];
        double y1 = bin[1] + bin[3];
        poly(cam, new double[][] {{x0, y0, 0.001}, {x1, y0, 0.001}, {x1, y1, 0.001}, {x0, y1, 0.001}}, BIN_FLOOR);
        walls(cam, bin, true);
    }

    /** The bin walls whose outside faces the camera (draw after the object). */
    protected final void binFront(Pinhole cam, double[] bin) {
        walls(cam, bin, false);
    }

    private void walls(Pinhole cam, double[] bin, boolean inside) {
        double hgt = BIN_WALL_HEIGHT;
        double[][] corners = {{bin[0] - bin[2], bin[1] - bin[3]}, {bin[0] + bin[2], bin[1] - bin[3]},
            {bin[0] + bin[2], bin[1] + bin[3]}, {bin[0] - bin[2], bin[1] + bin[3]}};
        for (int i = 0; i < 4; i++) {
            double[] a = corners[i];
            double[] b = corners[(i + 1) % 4];
            double nx = b[1] - a[1];
            double ny = -(b[0] - a[0]);
            double mx = (a[0] + b[0]) / 2;
            double my = (a[1] + b[1]) / 2;
            double outsideVisible = nx * (cam.pos()[0] - mx) + ny * (cam.pos()[1] - my);
            if ((outsideVisible > 0) == inside) {
                continue;
            }
            poly(cam, new double[][] {{a[0], a[1], 0}, {b[0], b[1], 0}, {b[0], b[1], hgt}, {a[0], a[1], hgt}},
                    inside ? BIN_FLOOR.brighter() : BIN_WALL);
        }
    }

    static Color shade(Color c, double f) {
        return new Color((int) Math.min(255, c.getRed() * f), (int) Math.min(255, c.getGreen() * f),
                (int) Math.min(255, c.getBlue() * f));
    }

    /** Origin (translation) of a row-major 4x4 frame. */
    static double[] origin(double[] m) {
        return new double[] {m[3], m[7], m[11]};
    }

    /** Column {@code i} (axis) of the rotation of a row-major 4x4 frame. */
    static double[] axis(double[] m, int i) {
        return new double[] {m[i], m[4 + i], m[8 + i]};
    }

    /** {@code a + k * b}. */
    static double[] along(double[] a, double[] b, double k) {
        return new double[] {a[0] + k * b[0], a[1] + k * b[1], a[2] + k * b[2]};
    }
}
