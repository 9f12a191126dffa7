package dev.demoforge.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Lists the top-level ISO-BMFF boxes of a file (an independent look at the container structure). */
final class Mp4Boxes {

    private Mp4Boxes() {
    }

    static List<String> topLevel(Path file) throws IOException {
        List<String> types = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file)) {
            long pos = 0;
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate(16);
            while (pos + 8 <= size) {
                head.clear();
                ch.read(head, pos);
                head.flip();
                long boxSize = head.getInt() & 0xFFFFFFFFL;
                byte[] type = new byte[4];
                head.get(type);
                if (boxSize == 1) {
                    boxSize = head.getLong();
                } else if (boxSize == 0) {
                    boxSize = size - pos;
                }
                if (boxSize < 8) {
                    throw new IOException("bad box size " + boxSize + " at offset " + pos + " of " + file);
                }
                types.add(new String(type, java.nio.charset.StandardCharsets.US_ASCII));
                pos += boxSize;
            }
        }
        return types;
    }
}
