package dev.demoforge.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** JavaCPP finds the FFmpeg natives embedded in this bundle from inside Equinox, and they are the LGPL build. */
class NativeLoadingTest {

    @Test
    void loaderExtractsEmbeddedNativesFromTheMediaBundle() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(avcodec.class);
        assertNotNull(bundle, "avcodec not loaded by an OSGi bundle");
        assertEquals("dev.demoforge.media", bundle.getSymbolicName());

        String path = Loader.load(avcodec.class);
        assertNotNull(path, "Loader.load(avcodec)");
        Path lib = Path.of(path);
        assertTrue(Files.isRegularFile(lib), path);
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            assertTrue(lib.toAbsolutePath().startsWith(Path.of(cache).toAbsolutePath()),
                    path + " outside cache " + cache);
        }
        assertEquals("linux-x86_64", Loader.getPlatform());
        System.out.println("FFmpeg " + Codecs.ffmpegVersion() + " natives: " + path);
    }

    @Test
    void buildIsLgplWithOpenH264AndAv1Encoders() {
        assertTrue(Codecs.encoderAvailable("libopenh264"), "libopenh264");
        assertTrue(Codecs.encoderAvailable("libsvtav1"), "libsvtav1");
        assertTrue(Codecs.encoderAvailable("libaom-av1"), "libaom-av1");
        assertFalse(Codecs.encoderAvailable("libx264"), "libx264 is GPL and must not be in the build");
        assertFalse(Codecs.encoderAvailable(""), "blank name");
        assertTrue(Codecs.decoderAvailable("h264"), "h264 decoder");
        String config = avcodec.avcodec_configuration().getString();
        assertFalse(config.contains("--enable-gpl"), "FFmpeg configured with --enable-gpl: " + config);
    }
}
