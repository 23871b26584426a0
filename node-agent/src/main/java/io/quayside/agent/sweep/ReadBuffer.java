package io.quayside.agent.sweep;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * One thread's buffer for kernel files, reused for every read. A file kept open is read into a
 * direct buffer of its own (a heap buffer would make the JDK borrow a temporary one per read) and
 * copied out; its bytes are valid until the thread's next read.
 */
final class ReadBuffer {
    private static final ThreadLocal<ReadBuffer> OF_THREAD = ThreadLocal.withInitial(ReadBuffer::new);
    private static final int INITIAL_SIZE = 16 * 1024;
    /**
     * A read of a kernel file stops short of what was asked only at the end of the file, or when the
     * kernel's page-sized buffer could not take the next record (a line or a whole cgroup file), so
     * after more than half a page. A short read below that is the whole file: no second read to find the end.
     */
    private static final int WHOLE_FILE_BELOW = 2048;

    private byte[] bytes = new byte[INITIAL_SIZE];
    private ByteBuffer direct = ByteBuffer.allocateDirect(INITIAL_SIZE);

    static ReadBuffer ofThread() {
        return OF_THREAD.get();
    }

    byte[] bytes() {
        return bytes;
    }

    /** The whole of an open file, read from offset 0; its length. */
    int read(FileChannel channel) throws IOException {
        direct.clear();
        int read;
        while ((read = channel.read(direct, direct.position())) > 0) {
            if (direct.hasRemaining() && read < WHOLE_FILE_BELOW) {
                break;
            }
            if (!direct.hasRemaining()) {
                direct = ByteBuffer.allocateDirect(direct.capacity() * 2).put(direct.flip());
            }
        }
        int length = direct.position();
        if (bytes.length < length) {
            bytes = new byte[direct.capacity()];
        }
        direct.flip().get(bytes, 0, length);
        return length;
    }

    /**
     * The whole of a file opened for this read; its length. A plain stream costs about a third less
     * CPU than {@link java.nio.file.Files#readString}, which also asks the (meaningless) size of the file.
     */
    int read(String file) throws IOException {
        int length = 0;
        try (FileInputStream in = new FileInputStream(file)) {
            int read;
            while ((read = in.read(bytes, length, bytes.length - length)) > 0) {
                length += read;
                if (length == bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
            }
        }
        return length;
    }
}
