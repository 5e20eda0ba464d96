package io.otelref.invoice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The start values of {@link WorkerFixes}. */
@ConfigMapping(prefix = "worker.fix")
public interface WorkerFixesConfig {

    /** See {@link WorkerFixes#idempotencyKeyPerOrder()}. */
    @WithDefault("true")
    boolean idempotencyKeyPerOrder();
}
