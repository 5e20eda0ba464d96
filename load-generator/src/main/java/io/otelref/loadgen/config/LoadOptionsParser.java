package io.otelref.loadgen.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns command-line arguments into {@link LoadOptions}, or a {@link UsageException} that says what is wrong. picocli,
 * the command-line library of every tool here, reads the flags; the checks of their values are this class's.
 */
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

    /** The flags as picocli reads them, every value a string: the checks below say what is wrong with one. */
    @Command(name = "load-generator")
    static final class Flags {
        @Option(names = "--target") String target = "http://127.0.0.1:8080";
        @Option(names = "--rate") String rate = "20";
        @Option(names = "--ramp-up") String rampUp = "0s";
        @Option(names = "--duration") String duration = "30s";
        @Option(names = "--max-in-flight") String maxInFlight = String.valueOf(LoadOptions.DEFAULT_MAX_IN_FLIGHT);
        @Option(names = "--timeout") String timeout = DurationArgument.format(LoadOptions.DEFAULT_TIMEOUT);
        @Option(names = "--hot-accounts") String hotAccounts = "0";
        @Option(names = "--hot-share") String hotShare;
        @Option(names = "--items-min") String itemsMin = String.valueOf(LoadOptions.DEFAULT_ITEMS_MIN);
        @Option(names = "--items-max") String itemsMax = String.valueOf(LoadOptions.DEFAULT_ITEMS_MAX);
        @Option(names = "--retry-share") String retryShare = "0";
        @Option(names = "--slowest") String slowest = String.valueOf(LoadOptions.DEFAULT_SLOWEST);
        @Option(names = "--max-p99") String maxP99;
        @Option(names = "--max-error-rate") String maxErrorRate;
        @Option(names = "--report") String report;
        @Option(names = "--html") String html;
        @Option(names = "--otlp") String otlp;
        @Option(names = "--sample-ratio") String sampleRatio = "1";
        @Option(names = "--seed") String seed;
        @Option(names = { "-h", "--help" }, usageHelp = true) boolean help;
    }

    /** Every flag the command line takes, sorted; {@link #USAGE} lists each (a test holds the two equal). */
    public static List<String> flags() {
        return new CommandLine(new Flags()).getCommandSpec().options().stream()
                .flatMap(option -> Arrays.stream(option.names())).sorted().toList();
    }

    /** @return empty when help was asked for */
    public static Optional<LoadOptions> parse(List<String> args) throws UsageException {
        Flags flags = new Flags();
        try {
            if (new CommandLine(flags).parseArgs(args.toArray(String[]::new)).isUsageHelpRequested()) {
                return Optional.empty();
            }
        } catch (MissingParameterException missing) {
            throw new UsageException(!missing.getMissing().isEmpty() && missing.getMissing().getFirst() instanceof OptionSpec option
                    ? option.longestName() + " needs a value" : missing.getMessage());
        } catch (UnmatchedArgumentException unknown) {
            throw new UsageException("unknown option '" + unknown.getUnmatched().getFirst() + "'");
        } catch (ParameterException wrong) {
            throw new UsageException(wrong.getMessage());
        }
        URI target = url("--target", flags.target);
        double rate = positiveNumber("--rate", flags.rate);
        Duration rampUp = DurationArgument.parse("--ramp-up", flags.rampUp);
        Duration duration = DurationArgument.parse("--duration", flags.duration);
        int maxInFlight = integer("--max-in-flight", flags.maxInFlight, 1, 1_000_000);
        Duration timeout = DurationArgument.parse("--timeout", flags.timeout);
        int hotAccounts = integer("--hot-accounts", flags.hotAccounts, 0, LoadOptions.ACCOUNTS);
        Double hotShare = flags.hotShare == null ? null : fraction("--hot-share", flags.hotShare);
        int itemsMin = integer("--items-min", flags.itemsMin, 1, LoadOptions.SKUS);
        int itemsMax = integer("--items-max", flags.itemsMax, 1, LoadOptions.SKUS);
        double retryShare = fraction("--retry-share", flags.retryShare);
        int slowest = integer("--slowest", flags.slowest, 0, 10_000);
        Optional<Duration> maxP99 = flags.maxP99 == null ? Optional.empty()
                : Optional.of(DurationArgument.parse("--max-p99", flags.maxP99));
        Optional<Double> maxErrorRate = flags.maxErrorRate == null ? Optional.empty()
                : Optional.of(fraction("--max-error-rate", flags.maxErrorRate));
        Optional<URI> otlp = flags.otlp == null ? Optional.empty() : Optional.of(url("--otlp", flags.otlp));
        double sampleRatio = fraction("--sample-ratio", flags.sampleRatio);
        long seed = flags.seed == null ? ThreadLocalRandom.current().nextLong() : longValue("--seed", flags.seed);
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
                itemsMin, itemsMax, retryShare, slowest, maxP99, maxErrorRate,
                Optional.ofNullable(flags.report).map(Path::of), Optional.ofNullable(flags.html).map(Path::of),
                otlp, sampleRatio, seed));
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
