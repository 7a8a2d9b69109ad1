package dev.runnel.examples.orders;

/** Computes an order's total and shipping; plain Java, so it tests without Quarkus or Kafka. */
public final class OrderEnricher {
    private final long freeShippingFromCents;

    public OrderEnricher(long freeShippingFromCents) {
        if (freeShippingFromCents < 0) {
            throw new IllegalArgumentException("freeShippingFromCents must be >= 0, was " + freeShippingFromCents);
        }
        this.freeShippingFromCents = freeShippingFromCents;
    }

    public EnrichedOrder enrich(Order order) {
        if (order.orderId() == null || order.orderId().isBlank()) {
            throw new InvalidOrderException("order without an orderId: " + order);
        }
        if (order.sku() == null || order.sku().isBlank()) {
            throw new InvalidOrderException("order " + order.orderId() + " has no sku");
        }
        if (order.quantity() <= 0) {
            throw new InvalidOrderException("order " + order.orderId() + " has quantity " + order.quantity() + ", must be > 0");
        }
        if (order.unitPriceCents() < 0) {
            throw new InvalidOrderException("order " + order.orderId() + " has unitPriceCents " + order.unitPriceCents() + ", must be >= 0");
        }
        long total;
        try {
            total = Math.multiplyExact(order.unitPriceCents(), order.quantity());
        } catch (ArithmeticException e) {
            throw new InvalidOrderException("order " + order.orderId() + ": total of " + order.quantity() + " x "
                    + order.unitPriceCents() + " cents overflows", e);
        }
        Shipping shipping = total >= freeShippingFromCents ? Shipping.FREE : Shipping.STANDARD;
        return new EnrichedOrder(order.orderId(), order.sku(), order.quantity(), order.unitPriceCents(), total, shipping);
    }
}
