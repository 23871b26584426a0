package io.quayside.agent.runtimes.docker;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Just enough HTTP/1.1 over a unix socket for the Docker Engine API: one GET per connection, so
 * that a long-lived event stream and short inspections never share one. The JDK's HttpClient
 * speaks TCP only.
 */
final class UnixSocketHttp {
    private final Path socket;

    UnixSocketHttp(Path socket) {
        this.socket = socket;
    }

    /** Sends a GET for {@code target} (path and query); the caller reads the body and closes the response. */
    SocketHttpResponse get(String target) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        try {
            // The Engine ignores the host, but HTTP/1.1 requires one; "docker" is what its own CLI sends.
            String request = "GET " + target + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: quayside-agent\r\n"
                    + "Accept: application/json\r\nConnection: close\r\n\r\n";
            ByteBuffer bytes = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            return SocketHttpResponse.read(new BufferedInputStream(Channels.newInputStream(channel)), channel, target);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
