package dev.runnel.examples.orders;

import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * The application: reads {@code orders} in the consumer group {@code order-enricher}, writes each enriched
 * order to {@code orders-enriched} under the same key (the customer id, so a customer's orders stay in order).
 * Nothing here knows about Runnel — only {@code kafka.bootstrap.servers} points at it.
 *
 * <p>Acknowledgement: an input record is acknowledged once its output record is written, and the connector
 * commits acknowledged offsets for the group; an order that throws {@link InvalidOrderException} is nacked and
 * the connector's dead-letter strategy sends it to {@code orders-rejected} (see application.properties).
 */
@ApplicationScoped
public class EnrichOrders {
    private final OrderEnricher enricher;
    private final OrderJson json = new OrderJson();

    public EnrichOrders(@ConfigProperty(name = "order-enricher.free-shipping-from-cents") long freeShippingFromCents) {
        this.enricher = new OrderEnricher(freeShippingFromCents);
    }

    @Incoming("orders")
    @Outgoing("orders-enriched")
    public Record<String, String> enrich(Record<String, String> order) {
        EnrichedOrder enriched = enricher.enrich(json.readOrder(order.value()));
        return Record.of(order.key(), json.write(enriched));
    }
}
