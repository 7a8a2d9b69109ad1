package dev.runnel.wire;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;

import java.nio.ByteBuffer;

/**
 * Encodes one Kafka response frame: {@code int32 size}, the response header in the version
 * {@link ApiKeys#responseHeaderVersion(short)} picks (v1 carries tagged fields for flexible versions;
 * ApiVersions always uses v0), then the body in the request's version.
 *
 * <p>"Size, then write": sizes are computed first with one {@link ObjectSerializationCache}, a buffer of
 * exactly that size is allocated, and the write must fill it exactly, else {@link IllegalStateException}
 * (a bug in a message class or in our use of it, never silently a corrupt stream). The returned buffer is
 * heap memory owned by the caller; nothing needs releasing. Stateless and thread-safe.
 */
public final class ResponseFrames {
    private ResponseFrames() {
    }

    public static Buffer encode(ApiKeys apiKey, short apiVersion, int correlationId, ApiMessage body) {
        short headerVersion = apiKey.responseHeaderVersion(apiVersion);
        ResponseHeaderData header = new ResponseHeaderData().setCorrelationId(correlationId);
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int headerSize = header.size(cache, headerVersion);
        int bodySize = body.size(cache, apiVersion);
        int frameSize = headerSize + bodySize;
        ByteBuffer out = ByteBuffer.allocate(4 + frameSize);
        out.putInt(frameSize);
        ByteBufferAccessor writer = new ByteBufferAccessor(out);
        header.write(writer, cache, headerVersion);
        body.write(writer, cache, apiVersion);
        if (out.position() != out.limit()) {
            throw new IllegalStateException(apiKey + " v" + apiVersion + " response wrote " + (out.position() - 4)
                    + " bytes but its computed size was " + frameSize);
        }
        out.flip();
        return Buffer.buffer(Unpooled.wrappedBuffer(out));
    }
}
