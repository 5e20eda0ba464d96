package io.otelref.loadgen.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Turns command-line arguments into {@link LoadOptions}, or a {@link UsageException} that says what is wrong. */
public final class LoadOptionsParser {

    public static final String USAGE = """
            usage: load-generator [options]

            Open-model load on POST <target>/api/checkout: requests leave at their scheduled times whether or
            not earlier ones have answered, and latency is measured from that scheduled time.

              --target <url>            service base URL (default http://127.0.0.1:8080)
              --rate <req/s>            target arrival rate after the ramp-up (default 20)
              --ramp-up <duration>      linear rise from 0 to --rate (default 0s)
              --duration <duration>     time at the full rate after the ramp-up (default 30s)
              --max-in-flight <n>       outstanding requests cap; arrivals beyond it are shed (default 256)
              --timeout <duration>      per-request timeout, counted as error kind 'timeout' (default 10s)
              --hot-accounts <n>        accounts that receive --hot-share of the orders (default 0)
              --hot-share <fraction>    share of orders on the hot accounts (default 0.8 when --hot-accounts > 0)
              --items-min <n>           fewest order lines per order (default 1)
              --items-max <n>           most order lines per order, at most 50 (default 3)
              --retry-share <fraction>  share of orders sent twice with the same Idempotency-Key (default 0)
              --slowest <n>             slowest requests whose trace ids the reports list (default 10)
              --max-p99 <duration>      fail (exit 1) if p99 latency exceeds this
              --max-error-rate <frac>   fail (exit 1) if errors / requests exceeds this
              --report <file.json>      machine-readable report
              --html <file.html>        self-contained HTML report with latency and throughput charts
              --otlp <url>              export a span per order and per attempt over OTLP/HTTP, e.g.
                                        http://127.0.0.1:4318 (default: only send traceparent headers)
              --sample-ratio <fraction> share of orders whose trace is recorded (default 1); the services
                                        follow the decision in traceparent: head sampling at the user
              --seed <long>             seed for the traffic shape, to repeat a run's orders
              -h, --help                this text

            durations: 500ms, 30s, 5m, 1h. accounts acc-0001..acc-1000, SKUs SKU-0001..SKU-0050.
            exit status: 0 thresholds met, 1 a threshold breached, 2 bad usage
            """;

    private LoadOptionsParser() {
    }

    /** @return empty when help was asked for */
    public static Optional<LoadOptions> parse(List<String> args) throws UsageException {
        Deque<String> remaining = new ArrayDeque<>(args);
        URI target = URI.create("http://127.0.0.1:8080");
        double rate = 20;
        Duration rampUp = Duration.ZERO;
        Duration duration = Duration.ofSeconds(30);
        int maxInFlight = LoadOptions.DEFAULT_MAX_IN_FLIGHT;
        Duration timeout = LoadOptions.DEFAULT_TIMEOUT;
        int hotAccounts = 0;
        Double hotShare = null;
        int itemsMin = LoadOptions.DEFAULT_ITEMS_MIN;
        int itemsMax = LoadOptions.DEFAULT_ITEMS_MAX;
        double retryShare = 0;
        int slowest = LoadOptions.DEFAULT_SLOWEST;
        Duration maxP99 = null;
        Double maxErrorRate = null;
        Path report = null;
        Path html = null;
        URI otlp = null;
        double sampleRatio = 1;
        long seed = ThreadLocalRandom.current().nextLong();
        while (!remaining.isEmpty()) {
            String flag = remaining.pop();
            switch (flag) {
                case "-h", "--help" -> {
                    return Optional.empty();
                }
                case "--target" -> target = url(flag, value(flag, remaining));
                case "--rate" -> rate = positiveNumber(flag, value(flag, remaining));
                case "--ramp-up" -> rampUp = DurationArgument.parse(flag, value(flag, remaining));
                case "--duration" -> duration = DurationArgument.parse(flag, value(flag, remaining));
                case "--max-in-flight" -> maxInFlight = integer(flag, value(flag, remaining), 1, 1_000_000);
                case "--timeout" -> timeout = DurationArgument.parse(flag, value(flag, remaining));
                case "--hot-accounts" -> hotAccounts = integer(flag, value(flag, remaining), 0, LoadOptions.ACCOUNTS);
                case "--hot-share" -> hotShare = fraction(flag, value(flag, remaining));
                case "--items-min" -> itemsMin = integer(flag, value(flag, remaining), 1, LoadOptions.SKUS);
                case "--items-max" -> itemsMax = integer(flag, value(flag, remaining), 1, LoadOptions.SKUS);
                case "--retry-share" -> retryShare = fraction(flag, value(flag, remaining));
                case "--slowest" -> slowest = integer(flag, value(flag, remaining), 0, 10_000);
                case "--max-p99" -> maxP99 = DurationArgument.parse(flag, value(flag, remaining));
                case "--max-error-rate" -> maxErrorRate = fraction(flag, value(flag, remaining));
                case "--report" -> report = Path.of(value(flag, remaining));
                case "--html" -> html = Path.of(value(flag, remaining));
                case "--otlp" -> otlp = url(flag, value(flag, remaining));
                case "--sample-ratio" -> sampleRatio = fraction(flag, value(flag, remaining));
                case "--seed" -> seed = longValue(flag, value(flag, remaining));
                default -> throw new UsageException("unknown option '" + flag + "'");
            }
        }
        if (itemsMin > itemsMax) {
            throw new UsageException("--items-min (" + itemsMin + ") is larger than --items-max (" + itemsMax + ")");
        }
        if (duration.isZero()) {
            throw new UsageException("--duration must be longer than 0s");
        }
        if (timeout.isZero()) {
            throw new UsageException("--timeout must be longer than 0ms");
        }
        if (hotShare != null && hotAccounts == 0) {
            throw new UsageException("--hot-share needs --hot-accounts <n> with n > 0");
        }
        return Optional.of(new LoadOptions(target, rate, rampUp, duration, maxInFlight, timeout,
                hotAccounts, hotShare == null ? (hotAccounts > 0 ? 0.8 : 0) : hotShare,
                itemsMin, itemsMax, retryShare, slowest,
                Optional.ofNullable(maxP99), Optional.ofNullable(maxErrorRate),
                Optional.ofNullable(report), Optional.ofNullable(html), Optional.ofNullable(otlp), sampleRatio, seed));
    }

    private static String value(String flag, Deque<String> remaining) throws UsageException {
        if (remaining.isEmpty() || remaining.peek().startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return remaining.pop();
    }

    private static URI url(String flag, String text) throws UsageException {
        try {
            URI uri = URI.create(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException notAUri) {
            // reported below with the flag's name
        }
        throw new UsageException(flag + " expects an http(s) URL like http://127.0.0.1:8080 (got '" + text + "')");
    }

    private static double positiveNumber(String flag, String text) throws UsageException {
        try {
            double number = Double.parseDouble(text);
            if (number > 0 && Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the flag's name
        }
        throw new UsageException(flag + " expects a positive number (got '" + text + "')");
    }

    private static double fraction(String flag, String text) throws UsageException {
        try {
            double number = Double.parseDouble(text);
            if (number >= 0 && number <= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the flag's name
        }
        throw new UsageException(flag + " expects a fraction between 0 and 1 (got '" + text + "')");
    }

    private static int integer(String flag, String text, int min, int max) throws UsageException {
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the flag's name
        }
        throw new UsageException(flag + " expects a whole number from " + min + " to " + max + " (got '" + text + "')");
    }

    private static long longValue(String flag, String text) throws UsageException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            throw new UsageException(flag + " expects a whole number (got '" + text + "')");
        }
    }
}
