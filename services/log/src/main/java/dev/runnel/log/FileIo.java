package dev.runnel.log;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional read/write loops over a FileChannel (a single call may transfer fewer bytes). */
final class FileIo {
    private FileIo() {
    }

    /** Fills {@code dst} from {@code position}; EOFException if the file ends first. */
    static void readFully(FileChannel channel, ByteBuffer dst, long position) throws IOException {
        long at = position;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, at);
            if (n < 0) {
                throw new EOFException("End of file at " + at + " while reading " + dst.remaining() + " more bytes");
            }
            at += n;
        }
    }

    /** Writes all of {@code src} at {@code position}; returns the bytes written. */
    static int writeFully(FileChannel channel, ByteBuffer src, long position) throws IOException {
        int total = 0;
        while (src.hasRemaining()) {
            total += channel.write(src, position + total);
        }
        return total;
    }
}
