package io.voicegateway.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scrape of the gateway's {@code /metrics} (Prometheus text format 0.0.4), parsed just enough for the load
 * tool: sample values by metric name and labels, and a histogram's cumulative buckets.
 */
final class PrometheusText {

    /** Sample name → (label text, e.g. {@code area="heap",id="G1 Eden Space"}, → value). */
    private final Map<String, Map<String, Double>> samples = new LinkedHashMap<>();

    private PrometheusText() {
    }

    static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = brace >= 0 ? line.indexOf(' ', line.lastIndexOf('}')) : line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space);
            String labels = brace >= 0 && brace < space ? line.substring(brace + 1, line.lastIndexOf('}', space)) : "";
            String value = line.substring(space + 1).trim().split(" ")[0];
            try {
                parsed.samples.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(labels, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                // a value we don't read (NaN spelled differently by another exporter): skip the line
            }
        }
        return parsed;
    }

    static PrometheusText empty() {
        return new PrometheusText();
    }

    /** Sum of every series of {@code name} whose labels contain {@code labelFilter} (empty: all); 0 when absent. */
    double sum(String name, String labelFilter) {
        return samples.getOrDefault(name, Map.of()).entrySet().stream()
                .filter(e -> e.getKey().contains(labelFilter))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    double sum(String name) {
        return sum(name, "");
    }

    boolean has(String name) {
        return samples.containsKey(name);
    }

    /** A histogram's cumulative counts by upper bound ({@code le}, +Inf as infinity), ascending. */
    TreeMap<Double, Double> buckets(String histogram) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        samples.getOrDefault(histogram + "_bucket", Map.of()).forEach((labels, count) -> {
            String le = labels.replaceAll(".*le=\"([^\"]*)\".*", "$1");
            buckets.merge(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), count, Double::sum);
        });
        return buckets;
    }

    /**
     * The q-quantile of what a histogram recorded between two scrapes, like PromQL's {@code histogram_quantile}:
     * find the bucket holding rank q × n and interpolate linearly inside it (so only as precise as the buckets).
     * Null when nothing was recorded; the largest finite bound when the rank falls in the +Inf bucket.
     */
    static Double quantileOfDelta(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double q) {
        List<double[]> delta = new ArrayList<>();
        after.forEach((le, count) -> delta.add(new double[] {le, count - before.getOrDefault(le, 0.0)}));
        if (delta.isEmpty() || delta.get(delta.size() - 1)[1] <= 0) {
            return null;
        }
        double rank = q * delta.get(delta.size() - 1)[1];
        double lower = 0;
        double below = 0;
        for (double[] bucket : delta) {
            if (bucket[1] >= rank) {
                if (Double.isInfinite(bucket[0])) {
                    return lower;
                }
                double inBucket = bucket[1] - below;
                return inBucket <= 0 ? bucket[0] : lower + (bucket[0] - lower) * (rank - below) / inBucket;
            }
            lower = bucket[0];
            below = bucket[1];
        }
        return lower;
    }
}
