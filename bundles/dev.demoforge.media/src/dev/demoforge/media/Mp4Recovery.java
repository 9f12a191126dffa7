package dev.demoforge.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Repairs a fragmented MP4 whose writer died while writing a fragment. A fragment ({@code moof} + {@code mdat})
 * is written in a few system calls; a kill between them leaves a partial box at the end of the file, and a
 * partial {@code moof} makes FFmpeg refuse the whole file. Cutting the file back to the end of the last complete
 * fragment restores every frame up to that fragment's end.
 * <p>
 * Only for files no process is writing any more (e.g. the recorder recovering an unfinished episode at start-up);
 * blocking; reads the top-level box headers only.
 *
 * @since 0.1
 */
public final class Mp4Recovery {

    private Mp4Recovery() {
    }

    /**
     * Truncates {@code mp4} after its last complete top-level box, treating a {@code moof} whose {@code mdat} is
     * missing or incomplete as incomplete too.
     *
     * @return bytes removed, 0 if the file was already complete
     * @throws MediaException naming the file if it is not an MP4 (no leading {@code ftyp}) or cannot be written
     */
    public static long truncateIncompleteTail(Path mp4) throws MediaException {
        try (FileChannel ch = FileChannel.open(mp4, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long pos = 0;
            long completeEnd = 0;
            ByteBuffer head = ByteBuffer.allocate(16);
            while (pos + 8 <= size) {
                head.clear();
                ch.read(head, pos);
                head.flip();
                long boxSize = head.getInt() & 0xFFFFFFFFL;
                byte[] typeBytes = new byte[4];
                head.get(typeBytes);
                String type = new String(typeBytes, StandardCharsets.ISO_8859_1);
                if (pos == 0 && !type.equals("ftyp")) {
                    throw new MediaException("File " + mp4 + " is not an MP4: first box is '" + type + "', not 'ftyp'");
                }
                if (boxSize == 1) {
                    if (head.remaining() < 8) {
                        break;
                    }
                    boxSize = head.getLong();
                } else if (boxSize == 0) {
                    boxSize = size - pos;
                }
                if (boxSize < 8 || pos + boxSize > size) {
                    break;
                }
                pos += boxSize;
                if (!type.equals("moof")) {
                    completeEnd = pos;
                }
            }
            if (completeEnd == 0) {
                throw new MediaException("File " + mp4 + " is not an MP4: no complete 'ftyp' box");
            }
            if (completeEnd < size) {
                ch.truncate(completeEnd);
                ch.force(true);
            }
            return size - completeEnd;
        } catch (MediaException e) {
            throw e;
        } catch (IOException e) {
            throw new MediaException("Cannot repair " + mp4 + ": " + e.getMessage(), e);
        }
    }
}
