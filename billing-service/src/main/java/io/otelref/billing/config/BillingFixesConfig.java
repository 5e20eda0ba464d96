package io.otelref.billing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The start values of {@link BillingFixes}. */
@ConfigMapping(prefix = "billing.fix")
public interface BillingFixesConfig {

    /** See {@link BillingFixes#releaseLockBeforeGateway()}. */
    @WithDefault("false")
    boolean releaseLockBeforeGateway();

    /** See {@link BillingFixes#retryBudget()}. */
    @WithDefault("false")
    boolean retryBudget();
}
