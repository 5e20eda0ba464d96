package io.otelref.loadgen.run;

import java.io.PrintStream;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import io.otelref.loadgen.config.LoadOptions;
import io.otelref.loadgen.report.ProgressLine;
import io.otelref.loadgen.results.ResultRecorder;
import io.otelref.loadgen.results.RunResults;
import io.otelref.loadgen.results.TracedRequest;
import io.opentelemetry.api.trace.Span;

import io.otelref.loadgen.telemetry.CheckoutTracing;
import io.otelref.loadgen.traffic.PlannedOrder;
import io.otelref.loadgen.traffic.TrafficShape;

/**
 * Drives one open-model run: a single scheduler thread releases each request at its intended time on its own
 * virtual thread, so a slow server never delays later arrivals (which would hide the slowness: coordinated
 * omission). Latency is measured from the intended time, so time spent waiting behind a stall counts, and
 * so does any lag of the scheduler itself.
 */
public final class LoadRun {

    private final LoadOptions options;
    private final ArrivalSchedule schedule;
    private final TrafficShape traffic;
    private final CheckoutClient client;
    private final CheckoutTracing tracing;
    private final Semaphore inFlight;
    private final long startNanos;
    private final ResultRecorder recorder;

    public LoadRun(LoadOptions options) {
        this(options, request -> {
        });
    }

    /** @param eachAnswered told of every request that was sent, as it ends (a scenario collects their trace ids) */
    public LoadRun(LoadOptions options, Consumer<TracedRequest> eachAnswered) {
        this.options = options;
        this.schedule = new ArrivalSchedule(options.rate(), options.rampUp(), options.duration());
        this.traffic = new TrafficShape(options);
        this.client = new CheckoutClient(options.target(), options.requestTimeout());
        this.inFlight = new Semaphore(options.maxInFlight());
        this.startNanos = System.nanoTime();
        this.tracing = new CheckoutTracing(options.otlpEndpoint(), CheckoutClient.checkoutUri(options.target()),
                startNanos, options.sampleRatio());
        this.recorder = new ResultRecorder(startNanos, options.slowestKept(), eachAnswered);
    }

    public ResultRecorder recorder() {
        return recorder;
    }

    public ArrivalSchedule schedule() {
        return schedule;
    }

    public long startNanos() {
        return startNanos;
    }

    public int inFlight() {
        return options.maxInFlight() - inFlight.availablePermits();
    }

    /**
     * Blocks until every arrival of the schedule has been sent and answered (or timed out, or shed), and
     * the spans are exported.
     */
    public void run() {
        try (tracing; ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long n = 0; ; n++) {
                OptionalLong offset = schedule.offsetNanos(n);
                if (offset.isEmpty()) {
                    break;
                }
                long intendedNanos = startNanos + offset.getAsLong();
                PlannedOrder planned = traffic.nextOrder();
                recorder.recordScheduled(intendedNanos);
                sleepUntil(intendedNanos);
                if (inFlight.tryAcquire()) {
                    requests.execute(() -> {
                        try {
                            sendAndRecord(planned, intendedNanos);
                        } finally {
                            inFlight.release();
                        }
                    });
                } else {
                    recorder.recordShed(intendedNanos, System.nanoTime());
                }
            }
        }
    }

    /** {@link #run()}, printing a progress line to {@code progress} every second; returns the final results. */
    public RunResults runPrintingProgress(PrintStream progress) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "load-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> progress.println(ProgressLine.of(recorder.snapshot(System.nanoTime()), inFlight())),
                1, 1, TimeUnit.SECONDS);
        try {
            run();
        } finally {
            ticker.shutdownNow();
        }
        return recorder.snapshot(System.nanoTime());
    }

    private void sendAndRecord(PlannedOrder planned, long intendedNanos) {
        String idempotencyKey = UUID.randomUUID().toString();
        Span order = tracing.startOrder(intendedNanos);
        CheckoutClient.Attempt attempt = sendAttempt(planned, idempotencyKey, order, 0);
        if (planned.resend()) {
            // A client that lost the first answer sends the same order again with the same key; the service
            // must answer it as a replay, with the first attempt's status.
            CheckoutClient.Attempt resend = sendAttempt(planned, idempotencyKey, order, 1);
            recorder.recordResend(resend.status() == attempt.status());
            attempt = resend;
        }
        long endNanos = System.nanoTime();
        CheckoutTracing.endOrder(order, attempt.outcome());
        recorder.recordCompleted(intendedNanos, endNanos, attempt.outcome(), attempt.status(),
                order.getSpanContext().getTraceId(), order.getSpanContext().isSampled(), attempt.orderId());
    }

    private CheckoutClient.Attempt sendAttempt(PlannedOrder planned, String idempotencyKey, Span order,
                                               int resendCount) {
        Span span = tracing.startAttempt(order, resendCount);
        CheckoutClient.Attempt attempt = client.send(planned.order(), idempotencyKey, CheckoutTracing.traceparent(span));
        CheckoutTracing.end(span, attempt.outcome(), attempt.status());
        return attempt;
    }

    private static void sleepUntil(long deadlineNanos) {
        for (long remaining = deadlineNanos - System.nanoTime(); remaining > 0;
             remaining = deadlineNanos - System.nanoTime()) {
            LockSupport.parkNanos(remaining);
        }
    }
}
