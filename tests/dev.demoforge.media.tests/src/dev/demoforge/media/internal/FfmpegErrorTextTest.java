package dev.demoforge.media.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;

/** FFmpeg's error text, as error messages quote it: the words and the code, nothing of the 256-byte buffer after. */
class FfmpegErrorTextTest {

    @Test
    void errorTextEndsAtFfmpegsTerminator() {
        assertEquals("End of file (" + avutil.AVERROR_EOF() + ")", Ffmpeg.errorText(avutil.AVERROR_EOF()));
        assertEquals("Invalid data found when processing input (" + avutil.AVERROR_INVALIDDATA() + ")",
                Ffmpeg.errorText(avutil.AVERROR_INVALIDDATA()));
    }
}
