package io.otelref.billing.simulation;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The current behaviour of the simulated payment gateway. It starts from {@link GatewaySimulationConfig}
 * ({@code billing.gateway.simulation.*}) and can be changed while the service runs, to provoke slow
 * calls, retries and an open circuit breaker on demand.
 */
@ApplicationScoped
public class GatewaySimulation {

    /** What the simulator does with one call. */
    record Answer(Duration latency, boolean fails) {
    }

    private final GatewaySimulationConfig configured;
    private final AtomicInteger forcedFailures = new AtomicInteger();
    private final AtomicLong calls = new AtomicLong();
    private volatile GatewayBehaviour behaviour;

    GatewaySimulation(GatewaySimulationConfig configured) {
        this.configured = configured;
        reset();
    }

    public GatewayBehaviour behaviour() {
        return behaviour;
    }

    public void change(GatewayBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** The next {@code calls} calls fail with 503 whatever the error rate: a deterministic transient outage. */
    public void failNext(int calls) {
        forcedFailures.set(calls);
    }

    /**
     * How many requests the simulator has answered since the service started: the load the gateway
     * sees, retries included, as its own request count would show it.
     */
    public long calls() {
        return calls.get();
    }

    /** Back to the configured behaviour. */
    public void reset() {
        forcedFailures.set(0);
        behaviour = GatewayBehaviour.of(configured);
    }

    Answer nextAuthorizationAnswer() {
        return nextAnswer(behaviour, ThreadLocalRandom.current());
    }

    /** Like any call, except that {@code captureSlowShare} of the captures take {@code captureSlowLatency}. */
    Answer nextCaptureAnswer() {
        GatewayBehaviour current = behaviour;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Answer answer = nextAnswer(current, random);
        return random.nextDouble() < current.captureSlowShare() ? new Answer(current.captureSlowLatency(), answer.fails())
                : answer;
    }

    private Answer nextAnswer(GatewayBehaviour current, ThreadLocalRandom random) {
        calls.incrementAndGet();
        Duration latency = random.nextDouble() < current.slowShare() ? current.slowLatency()
                : current.baseLatency().plusNanos(random.nextLong(current.jitter().toNanos() + 1));
        boolean forced = forcedFailures.getAndUpdate(remaining -> Math.max(0, remaining - 1)) > 0;
        return new Answer(latency, forced || random.nextDouble() < current.errorRate());
    }
}
