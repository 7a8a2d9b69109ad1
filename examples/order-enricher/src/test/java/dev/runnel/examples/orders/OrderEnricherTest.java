package dev.runnel.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The enrichment itself, without Quarkus or Kafka. */
class OrderEnricherTest {
    private final OrderEnricher enricher = new OrderEnricher(5000);
    private final OrderJson json = new OrderJson();

    @Test
    void computesTheTotalAndShipsFreeFromTheThreshold() {
        assertThat(enricher.enrich(new Order("o-1", "sku-1", 3, 1666)))
                .isEqualTo(new EnrichedOrder("o-1", "sku-1", 3, 1666, 4998, Shipping.STANDARD));
        assertThat(enricher.enrich(new Order("o-2", "sku-1", 5, 1000)))
                .isEqualTo(new EnrichedOrder("o-2", "sku-1", 5, 1000, 5000, Shipping.FREE));
    }

    @Test
    void rejectsOrdersThatCannotBeFulfilled() {
        assertThatThrownBy(() -> enricher.enrich(new Order("o-3", "sku-1", 0, 100)))
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("o-3 has quantity 0");
        assertThatThrownBy(() -> enricher.enrich(new Order("o-4", "sku-1", 1, -1)))
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("unitPriceCents -1");
        assertThatThrownBy(() -> enricher.enrich(new Order("o-5", " ", 1, 1)))
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("no sku");
        assertThatThrownBy(() -> enricher.enrich(new Order("o-6", "sku-1", 2, Long.MAX_VALUE)))
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("overflows");
    }

    @Test
    void readsOnlyCompleteWellFormedOrders() {
        assertThat(json.readOrder("{\"orderId\":\"o-7\",\"sku\":\"sku-2\",\"quantity\":2,\"unitPriceCents\":250}"))
                .isEqualTo(new Order("o-7", "sku-2", 2, 250));
        assertThatThrownBy(() -> json.readOrder("{\"orderId\":\"o-8\",\"sku\":\"sku-2\",\"unitPriceCents\":250}"))
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("o-8");
        assertThatThrownBy(() -> json.readOrder("not json")).isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(() -> json.readOrder(null)).isInstanceOf(InvalidOrderException.class);
    }

    @Test
    void enrichedOrdersRoundTripThroughJson() {
        EnrichedOrder order = new EnrichedOrder("o-9", "sku-3", 4, 2000, 8000, Shipping.FREE);
        assertThat(json.readEnrichedOrder(json.write(order))).isEqualTo(order);
    }
}
