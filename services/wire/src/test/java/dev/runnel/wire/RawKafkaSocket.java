package dev.runnel.wire;

import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.ResponseHeader;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/** A blocking Kafka socket for tests: writes hand-built request frames and reads response frames. */
final class RawKafkaSocket implements AutoCloseable {
    /** A response as read: its correlation id and body. */
    record Response(int correlationId, AbstractResponse body) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawKafkaSocket(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    static byte[] frame(ApiKeys apiKey, short version, int correlationId, ApiMessage body) {
        RequestHeader header = new RequestHeader(apiKey, version, "raw-test", correlationId);
        RequestHeaderData headerData = header.data();
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int size = headerData.size(cache, header.headerVersion()) + body.size(cache, version);
        ByteBuffer buf = ByteBuffer.allocate(4 + size);
        buf.putInt(size);
        ByteBufferAccessor w = new ByteBufferAccessor(buf);
        headerData.write(w, cache, header.headerVersion());
        body.write(w, cache, version);
        return buf.array();
    }

    void send(byte[]... frames) throws IOException {
        for (byte[] f : frames) {
            out.write(f);
        }
        out.flush();
    }

    /** Reads one response frame, parsed as {@code apiKey} in {@code version}. */
    Response read(ApiKeys apiKey, short version) throws IOException {
        int size = in.readInt();
        byte[] bytes = new byte[size];
        in.readFully(bytes);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        ResponseHeader header = ResponseHeader.parse(buf, apiKey.responseHeaderVersion(version));
        AbstractResponse body = AbstractResponse.parseResponse(apiKey, new ByteBufferAccessor(buf), version);
        return new Response(header.correlationId(), body);
    }

    /** True when the server closed the connection (EOF or reset) before sending anything more. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (EOFException | java.net.SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
