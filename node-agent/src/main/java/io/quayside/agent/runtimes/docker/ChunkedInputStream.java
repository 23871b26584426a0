package io.quayside.agent.runtimes.docker;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** The body of a {@code Transfer-Encoding: chunked} response, as the bytes the chunks carry. */
final class ChunkedInputStream extends InputStream {
    private final InputStream in;
    private long remaining;
    private boolean afterChunk;
    private boolean finished;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0 && !finished) {
            nextChunk();
        }
        if (finished) {
            return -1;
        }
        int read = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (read < 0) {
            throw new EOFException("connection closed inside a chunk");
        }
        remaining -= read;
        return read;
    }

    /** Reads the next size line only when asked for more, so a stream waiting for its next event never blocks early. */
    private void nextChunk() throws IOException {
        if (afterChunk) {
            SocketHttpResponse.readLine(in); // the CRLF that closes the previous chunk
        }
        String sizeLine = SocketHttpResponse.readLine(in);
        int extension = sizeLine.indexOf(';');
        remaining = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip(), 16);
        afterChunk = true;
        if (remaining == 0) {
            while (!SocketHttpResponse.readLine(in).isEmpty()) {
                // trailers carry nothing the agent uses
            }
            finished = true;
        }
    }
}
