package io.voicegateway.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code overload.*} settings (config/application.yaml documents each key): when new calls are declined, and
 * how much inbound audio a call may have waiting before it is dropped instead of processed late.
 *
 * @param maxConcurrentCalls   calls (not ended) above which new ones are declined; 0 = no limit
 * @param queueDelayMs         new calls are declined while the inbound queueing delay, averaged over the last
 *                             second, is above this (the gateway is not keeping real time); 0 = never
 * @param staleAudioMs         an inbound frame that waited in its call's queue longer than this is dropped
 *                             (counted as reason {@code stale}) instead of sent to the model late; 0 = never
 * @param connectionQueueLimit messages one WebSocket connection may have waiting; further ones are dropped
 *                             (reason {@code queue_full}); 0 = no bound
 * @param modelLagMs           new calls are declined while the event loops that carry the model streams are this
 *                             far behind their schedule (model replies would come late); 0 = never
 */
@ConfigurationProperties(prefix = "overload")
public record OverloadProperties(
        @DefaultValue("0") int maxConcurrentCalls,
        @DefaultValue("100") int queueDelayMs,
        @DefaultValue("200") int staleAudioMs,
        @DefaultValue("500") int connectionQueueLimit,
        @DefaultValue("250") int modelLagMs) {
}
