package io.voicegateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dashboard check is only as good as its name extraction: functions, labels and ranges are not names. */
class PromQlNamesTest {

    @Test
    void aHistogramQuantileReadsOnlyTheBucketSeries() {
        assertThat(PromQlNames.of("histogram_quantile(0.95, sum by (le) (rate("
                + "gateway_reply_latency_seconds_bucket{instance=~\"$instance\"}[$__rate_interval])))"))
                .containsExactly("gateway_reply_latency_seconds_bucket");
    }

    @Test
    void aRatioReadsBothSidesAndIgnoresLabelValuesAndGrouping() {
        assertThat(PromQlNames.of("sum by (routeId) (rate(camel_route_policy_seconds_sum{eventType=\"route\"}[1m]))"
                + " / sum by (routeId) (rate(camel_route_policy_seconds_count{eventType=\"route\"}[1m])) > 1e3"))
                .containsExactly("camel_route_policy_seconds_sum", "camel_route_policy_seconds_count");
    }

    @Test
    void aVariableQueryReadsTheMetricNotTheLabel() {
        assertThat(PromQlNames.ofVariableQuery("label_values(gateway_calls_active, instance)"))
                .containsExactly("gateway_calls_active");
    }
}
