package io.taskvault.events;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The event stream's timing.
 *
 * @param settle    how long after its time an event is sent: a writer stamps an event just before storing it, so
 *                  an event younger than this might still be overtaken by one stamped earlier and stored later
 * @param heartbeat how often a quiet stream sends a comment, so proxies keep it open
 * @param timeout   how long one connection lasts before the client reconnects (with {@code Last-Event-ID})
 * @param batch     how many events are read from the store at a time
 */
@Validated
@ConfigurationProperties("taskvault.events")
public record EventsProperties(@NotNull @DefaultValue("1s") Duration settle,
                               @NotNull @DefaultValue("15s") Duration heartbeat,
                               @NotNull @DefaultValue("30m") Duration timeout,
                               @Min(1) @DefaultValue("500") int batch) {
}
