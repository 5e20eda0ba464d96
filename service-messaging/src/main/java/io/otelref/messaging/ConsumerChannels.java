package io.otelref.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.otelref.platform.lifecycle.GracefulShutdown;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

/**
 * The service's incoming Kafka channels, held to the settings {@link RecordProcessing} relies on, and
 * paused first when the service shuts down, so that no record is taken that could not be finished.
 */
@ApplicationScoped
public class ConsumerChannels {

    private static final Logger LOG = Logger.getLogger(ConsumerChannels.class);
    private static final Pattern CONNECTOR = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.connector");

    /**
     * What each incoming channel must say, and why. A record that waits out an outage is held unacknowledged
     * on purpose, so the throttled commit strategy must not call that a stuck consumer and close it (0 turns
     * the check off; {@link RecordsWaiting} reports a record waiting too long instead). The dead-letter record
     * keeps the original record's trace context, so its producer must not add a second {@code traceparent}.
     */
    private static final List<Setting> REQUIRED = List.of(
            new Setting("pausable", "true", "shutdown pauses the channel before the service's resources close"),
            new Setting("failure-strategy", "dead-letter-queue", "a record that can never succeed is parked, not lost"),
            new Setting("dead-letter-queue.tracing-enabled", "false",
                    "the dead letter keeps the original traceparent, once"),
            new Setting("throttled.unprocessed-record-max-age.ms", "0",
                    "a record waiting out an outage is not a stuck consumer"));

    private record Setting(String attribute, String value, String why) {
    }

    private final Config config;
    private final ChannelRegistry registry;
    private final Set<String> channels;

    ConsumerChannels(Config config, ChannelRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.channels = incomingChannels(config);
    }

    /** Fails the start, naming the setting, rather than let a misconfigured channel lose records later. */
    void verify(@Observes StartupEvent started) {
        List<String> wrong = new ArrayList<>();
        for (String channel : channels) {
            for (Setting setting : REQUIRED) {
                String key = "mp.messaging.incoming." + channel + "." + setting.attribute();
                Optional<String> actual = config.getOptionalValue(key, String.class);
                if (!actual.map(setting.value()::equals).orElse(false)) {
                    wrong.add(key + "=" + setting.value() + " (" + setting.why() + "; it is " + actual.orElse("unset") + ")");
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("Kafka consumer settings that RecordProcessing relies on are missing: "
                    + String.join("; ", wrong));
        }
    }

    /** Before {@link GracefulShutdown} drains: a paused channel asks the connector for no more records. */
    void pause(@Observes @Priority(GracefulShutdown.DRAIN_PRIORITY - 1) ShutdownEvent shutdown) {
        for (String channel : channels) {
            PausableChannel pausable = registry.getPausable(channel);
            if (pausable != null && !pausable.isPaused()) {
                pausable.pause();
                LOG.infof("Shutting down: incoming channel %s paused", channel);
            }
        }
    }

    private static Set<String> incomingChannels(Config config) {
        Set<String> channels = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher connector = CONNECTOR.matcher(name);
            if (connector.matches()) {
                channels.add(connector.group(1));
            }
        }
        return channels;
    }
}
