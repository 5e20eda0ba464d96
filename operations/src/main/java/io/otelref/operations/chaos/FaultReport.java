package io.otelref.operations.chaos;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one fault under load did, and whether nothing was lost: the clients' answers by status, the books
 * once settled, and how long settling took after the fault was over.
 *
 * @param statuses         answers by HTTP status; "none" for requests that got no answer (refused, reset, timed out)
 * @param settledAfter     from the end of the fault until every placed order was invoiced once; empty: not within the deadline
 * @param orderToInvoiceP99 of the placed orders, stored → invoiced
 * @param failedTraces     a few trace ids of failed requests, to look up in Jaeger
 * @param missingEvidence  the fault's evidence queries ({@link Fault#evidence()}) that Prometheus answered with nothing
 */
public record FaultReport(Fault fault, long requests, Map<String, Long> statuses, Reconciliation.Books books,
        Optional<Duration> settledAfter, Duration orderToInvoiceP99, List<String> failedTraces,
        List<String> missingEvidence) {

    /**
     * Nothing lost, nothing duplicated, no answer a defect (500), no 5xx at all where none is right, and the
     * telemetry showed what the fault must leave in it.
     */
    public boolean passed() {
        return settledAfter.isPresent() && books.clean() && statuses.getOrDefault("500", 0L) == 0 && unavailable() == 0
                && missingEvidence.isEmpty();
    }

    /** 5xx answers the fault does not excuse. */
    private long unavailable() {
        return fault.tolerates503() ? 0 : statuses.entrySet().stream().filter(entry -> entry.getKey().startsWith("5"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (books.lost() > 0) {
            problems.add(books.lost() + " placed orders not invoiced");
        }
        if (books.duplicated() > 0) {
            problems.add(books.duplicated() + " orders invoiced more than once");
        }
        if (books.placed() - books.chargedOnce() - books.lost() > 0) {
            problems.add((books.placed() - books.chargedOnce() - books.lost()) + " invoices not charged exactly once");
        }
        if (books.chargesWithoutInvoice() > 0) {
            problems.add(books.chargesWithoutInvoice() + " charges without an invoice");
        }
        if (books.openWithoutOrder() > 0) {
            problems.add(books.openWithoutOrder() + " open authorizations without an order");
        }
        if (books.deadLettered() > 0) {
            problems.add(books.deadLettered() + " healthy records dead-lettered");
        }
        if (statuses.getOrDefault("500", 0L) > 0) {
            problems.add(statuses.get("500") + " answers 500");
        }
        if (unavailable() > 0) {
            problems.add(unavailable() + " answers 5xx from services that said they were ready");
        }
        missingEvidence.forEach(query -> problems.add("no sample in Prometheus for " + query));
        if (settledAfter.isEmpty() && problems.isEmpty()) {
            problems.add("did not settle in time");
        }
        return problems;
    }

    public void printTo(PrintWriter out) {
        out.printf("%s: %s%n", fault.id(), fault.description());
        out.printf("  load        %d checkouts at %d/s; answers by status: %s%n", requests, fault.rate(), statuses);
        out.printf("  books       placed %d, invoiced once %d, lost %d, duplicated %d, charged once %d, charges without"
                + " invoice %d, open authorizations without order %d, healthy dead letters %d%n", books.placed(),
                books.invoicedOnce(), books.lost(), books.duplicated(), books.chargedOnce(), books.chargesWithoutInvoice(),
                books.openWithoutOrder(), books.deadLettered());
        out.printf("  settled     %s after the fault ended; order-to-invoice p99 %.1f s%n",
                settledAfter.map(after -> String.format("%.0f s", after.toMillis() / 1000.0)).orElse("NOT"),
                orderToInvoiceP99.toMillis() / 1000.0);
        if (!failedTraces.isEmpty()) {
            out.printf("  in Jaeger   failed requests: %s (./demo trace <id>)%n", String.join(" ", failedTraces));
        }
        fault.promQueries().forEach(query -> out.printf("  Prometheus  %s%n", query));
        fault.evidence().forEach(query -> out.printf("  evidence    %s: %s%n", query,
                missingEvidence.contains(query) ? "NO SAMPLE" : "shown"));
        out.printf("  verdict     %s%n", passed() ? "PASS: nothing lost, nothing duplicated, no " + (fault.tolerates503() ? "500" : "5xx")
                : "FAIL: " + problems());
    }
}
