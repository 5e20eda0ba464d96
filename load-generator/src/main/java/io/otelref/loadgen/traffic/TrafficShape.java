package io.otelref.loadgen.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.otelref.loadgen.config.LoadOptions;

/**
 * Draws orders the way production traffic tends to look: a few hot accounts take most orders (which is
 * what makes per-account lock contention visible), the rest spread uniformly; a share of orders is
 * resent by the client. Accounts 1..hotAccounts are the hot ones.
 *
 * <p>Only the scheduler thread draws, so a seeded {@link Random} makes a run's orders repeatable.
 */
public final class TrafficShape {

    private static final int MAX_QUANTITY = 3;

    private final Random random;
    private final int hotAccounts;
    private final double hotShare;
    private final int itemsMin;
    private final int itemsMax;
    private final double retryShare;

    public TrafficShape(LoadOptions options) {
        this(new Random(options.seed()), options.hotAccounts(), options.hotShare(),
                options.itemsMin(), options.itemsMax(), options.retryShare());
    }

    TrafficShape(Random random, int hotAccounts, double hotShare, int itemsMin, int itemsMax, double retryShare) {
        this.random = random;
        this.hotAccounts = hotAccounts;
        this.hotShare = hotShare;
        this.itemsMin = itemsMin;
        this.itemsMax = itemsMax;
        this.retryShare = retryShare;
    }

    public PlannedOrder nextOrder() {
        CheckoutOrder order = new CheckoutOrder(accountId(nextAccount()), nextItems());
        return new PlannedOrder(order, random.nextDouble() < retryShare);
    }

    public static String accountId(int account) {
        return "acc-%04d".formatted(account);
    }

    private int nextAccount() {
        boolean hot = hotAccounts > 0 && random.nextDouble() < hotShare;
        return hot ? 1 + random.nextInt(hotAccounts) : 1 + random.nextInt(LoadOptions.ACCOUNTS);
    }

    /** Distinct SKUs: a real cart merges repeats into one line's quantity. */
    private List<OrderLine> nextItems() {
        int count = itemsMin + random.nextInt(itemsMax - itemsMin + 1);
        List<Integer> skus = new ArrayList<>(LoadOptions.SKUS);
        for (int sku = 1; sku <= LoadOptions.SKUS; sku++) {
            skus.add(sku);
        }
        List<OrderLine> lines = new ArrayList<>(count);
        for (int line = 0; line < count; line++) {
            int sku = skus.remove(random.nextInt(skus.size()));
            lines.add(new OrderLine("SKU-%04d".formatted(sku), 1 + random.nextInt(MAX_QUANTITY)));
        }
        return lines;
    }
}
