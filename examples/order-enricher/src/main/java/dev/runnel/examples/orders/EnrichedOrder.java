package dev.runnel.examples.orders;

/** An order with what fulfilment needs computed once: its total and how it ships. */
public record EnrichedOrder(String orderId, String sku, int quantity, long unitPriceCents, long totalCents,
                            Shipping shipping) {
}
