package dev.runnel.wire.api;

import dev.runnel.wire.GatewayIdentity;
import dev.runnel.wire.WireSettings;
import io.vertx.core.Future;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.DescribeClusterResponseData.DescribeClusterBroker;
import org.apache.kafka.common.message.DescribeClusterResponseData.DescribeClusterBrokerCollection;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.DescribeClusterRequest;

/** DescribeCluster: this gateway is the whole cluster and its controller, as in Metadata. */
final class DescribeClusterHandler implements ApiHandler<DescribeClusterRequest> {
    private final GatewayIdentity identity;
    private final WireSettings settings;

    DescribeClusterHandler(GatewayIdentity identity, WireSettings settings) {
        this.identity = identity;
        this.settings = settings;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, DescribeClusterRequest request) {
        DescribeClusterBrokerCollection brokers = new DescribeClusterBrokerCollection();
        brokers.add(new DescribeClusterBroker().setBrokerId(identity.nodeId()).setHost(identity.host())
                .setPort(identity.port()).setRack(null));
        DescribeClusterResponseData response = new DescribeClusterResponseData()
                .setErrorCode(Errors.NONE.code())
                .setClusterId(settings.clusterId())
                .setControllerId(identity.nodeId())
                .setBrokers(brokers);
        if (context.apiVersion() >= 1) {
            response.setEndpointType(request.data().endpointType());
        }
        return Future.succeededFuture(response);
    }
}
