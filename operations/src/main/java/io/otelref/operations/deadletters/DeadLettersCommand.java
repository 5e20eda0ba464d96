package io.otelref.operations.deadletters;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import io.otelref.operations.Addresses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./demo dlq}: the dead-letter topics, read and replayed from outside the services. */
@Command(name = "dlq", description = "List dead-lettered records, and put them back where they came from once their cause is fixed.",
        subcommands = { DeadLettersCommand.ListCommand.class, DeadLettersCommand.ReplayCommand.class },
        mixinStandardHelpOptions = true)
public class DeadLettersCommand {

    private static final int REASON_WIDTH = 70;

    @Command(name = "list", description = "Each dead letter: id, age, where it came from, why, its trace id, and whether it was replayed.")
    static class ListCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "<topic>", description = "a dead-letter topic (default: every *.dlq topic)")
        String topic;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DeadLetterTopics topics = new DeadLetterTopics(Addresses.kafkaBootstrapServers())) {
                List<String> names = topic == null ? topics.topics() : List.of(topic);
                Instant now = Instant.now();
                for (String name : names) {
                    List<DeadLetter> deadLetters = topics.read(name);
                    Map<String, Instant> replayed = topics.replayed(name);
                    out.printf("%s: %d dead letter%s, %d replayed%n", name, deadLetters.size(), deadLetters.size() == 1 ? "" : "s",
                            deadLetters.stream().filter(deadLetter -> replayed.containsKey(deadLetter.ledgerKey())).count());
                    if (deadLetters.isEmpty()) {
                        continue;
                    }
                    out.printf("  %-9s %-8s %-30s %-18s %-32s %-9s %s%n", "ID", "AGE", "ORIGIN", "ERROR TYPE", "TRACE ID",
                            "REPLAYED", "REASON");
                    for (DeadLetter deadLetter : deadLetters) {
                        Instant replayedAt = replayed.get(deadLetter.ledgerKey());
                        out.printf("  %-9s %-8s %-30s %-18s %-32s %-9s %s%n", deadLetter.id(), age(deadLetter.age(now)),
                                deadLetter.origin(), deadLetter.errorType(), deadLetter.traceId(),
                                replayedAt == null ? "no" : age(Duration.between(replayedAt, now)) + " ago",
                                shortened(deadLetter.reason()));
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "replay", description = "Republish dead letters to their origin topic, on their original trace; each at most once.")
    static class ReplayCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "<topic>", description = "the dead-letter topic, e.g. orders.placed.dlq")
        String topic;

        @Option(names = "--id", paramLabel = "<partition@offset>", description = "only this dead letter (repeatable; default: all)")
        Set<String> ids = Set.of();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DeadLetterTopics topics = new DeadLetterTopics(Addresses.kafkaBootstrapServers())) {
                List<DeadLetter> deadLetters = topics.read(topic);
                List<DeadLetter> chosen = ids.isEmpty() ? deadLetters
                        : deadLetters.stream().filter(deadLetter -> ids.contains(deadLetter.id())).toList();
                Set<String> missing = new TreeSet<>(ids);
                chosen.forEach(deadLetter -> missing.remove(deadLetter.id()));
                if (!missing.isEmpty()) {
                    spec.commandLine().getErr().printf("no dead letter %s in %s (./demo dlq list %s shows them)%n",
                            String.join(", ", missing), topic, topic);
                    return 2;
                }
                List<DeadLetter> republished = topics.replay(topic, chosen);
                for (DeadLetter deadLetter : republished) {
                    out.printf("replayed %s to %s (trace %s)%n", deadLetter.id(), deadLetter.originTopic().orElse("?"),
                            deadLetter.traceId());
                }
                out.printf("%d replayed now, %d already replayed before%n", republished.size(), chosen.size() - republished.size());
            }
            return 0;
        }
    }

    static String age(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m";
        }
        return seconds < 172_800 ? seconds / 3600 + "h" : seconds / 86_400 + "d";
    }

    private static String shortened(String reason) {
        String oneLine = reason.replaceAll("\\s+", " ");
        return oneLine.length() <= REASON_WIDTH ? oneLine : oneLine.substring(0, REASON_WIDTH - 1) + "…";
    }
}
