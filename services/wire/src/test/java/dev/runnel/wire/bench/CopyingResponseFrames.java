package dev.runnel.wire.bench;

import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;

import java.nio.ByteBuffer;

/**
 * The frame encoding before record batches were shared: one heap buffer of the whole frame, every batch
 * copied into it. The reference the segmented frames must equal byte for byte, and the benchmark's baseline.
 */
public final class CopyingResponseFrames {
    private CopyingResponseFrames() {
    }

    public static ByteBuffer encode(ApiKeys apiKey, short apiVersion, int correlationId, ApiMessage body) {
        short headerVersion = apiKey.responseHeaderVersion(apiVersion);
        ResponseHeaderData header = new ResponseHeaderData().setCorrelationId(correlationId);
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int frameSize = header.size(cache, headerVersion) + body.size(cache, apiVersion);
        ByteBuffer out = ByteBuffer.allocate(4 + frameSize);
        out.putInt(frameSize);
        ByteBufferAccessor writer = new ByteBufferAccessor(out);
        header.write(writer, cache, headerVersion);
        body.write(writer, cache, apiVersion);
        if (out.hasRemaining()) {
            throw new IllegalStateException(apiKey + " v" + apiVersion + " left " + out.remaining() + " bytes unwritten");
        }
        return out.flip();
    }
}
