package io.otelref.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How {@link RecordProcessing} waits out an unavailable dependency ({@code platform.messaging.*}). */
@ConfigMapping(prefix = "platform.messaging")
public interface MessagingConfig {

    Retry retry();

    /**
     * A record still waiting after this long turns readiness DOWN: the dependency it waits for is not
     * coming back by itself, and someone should look. The record keeps waiting; nothing is dropped.
     */
    @WithDefault("5m")
    Duration stuckAfter();

    /** Backoff between attempts of one record: doubled after each failure up to the maximum, then jittered. */
    interface Retry {
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }
}
