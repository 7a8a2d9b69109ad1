package dev.runnel.wire.api;

import org.apache.kafka.common.requests.RequestHeader;

/**
 * Who asked: the parsed request header (API, version, correlation id, client id) and the client's
 * address, for log lines.
 */
public record RequestContext(RequestHeader header, String remoteAddress) {

    public short apiVersion() {
        return header.apiVersion();
    }

    public String clientId() {
        return header.clientId();
    }
}
