package dev.demoforge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/** Screenshots of the workbench window for the documentation, saved as PNG under {@code target/screenshots}. */
final class Screenshots {

    private Screenshots() {
    }

    /** Copies the window's screen area (GC.copyArea), checks it is not blank and saves it. */
    static Path save(Workbench workbench, String name) throws IOException {
        return save(workbench, workbench.shell(), name);
    }

    /** The same for another shell of the workbench (a dialog). */
    static Path save(Workbench workbench, Shell shell, String name) throws IOException {
        Path dir = Path.of(System.getProperty("demoforge.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        shell.forceActive();
        workbench.spin(Duration.ofMillis(300));
        Rectangle bounds = shell.getBounds();
        Image image = new Image(workbench.display, bounds.width, bounds.height);
        GC gc = new GC(workbench.display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageData data = image.getImageData();
            assertTrue(distinctColours(data) > 16, "screenshot " + name + " is (nearly) blank");
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
        assertTrue(Files.size(file) > 10_000, file + " is only " + Files.size(file) + " bytes");
        return file;
    }

    private static int distinctColours(ImageData data) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < data.height; y += 4) {
            for (int x = 0; x < data.width; x += 4) {
                colours.add(data.getPixel(x, y));
            }
        }
        return colours.size();
    }
}
