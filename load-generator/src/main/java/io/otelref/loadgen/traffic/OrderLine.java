package io.otelref.loadgen.traffic;

public record OrderLine(String sku, int quantity) {
}
