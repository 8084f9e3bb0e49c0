package jtorch.tensorboard;

import java.util.Arrays;

/**
 * A {@code HistogramProto} as PyTorch's {@code add_histogram(bins="tensorflow")} builds it: TensorFlow's
 * default bucket edges (±1e-12 growing by 1.1 up to 1e20, and 0), counted like {@code numpy.histogram}
 * (half-open buckets, the last one closed), then trimmed to the occupied range plus one empty bucket on
 * the left, because TensorBoard reads only right edges.
 */
final class Histogram {
    /** TensorFlow's default edges, ascending. */
    static final double[] DEFAULT_EDGES = defaultEdges();

    private Histogram() {}

    private static double[] defaultEdges() {
        double[] pos = new double[1000];
        int n = 0;
        double v = 1e-12;
        while (v < 1e20) {
            pos[n++] = v;
            v *= 1.1;
        }
        double[] edges = new double[2 * n + 1];
        for (int i = 0; i < n; i++) {
            edges[n - 1 - i] = -pos[i];
            edges[n + 1 + i] = pos[i];
        }
        edges[n] = 0;
        return edges;
    }

    /**
     * @throws IllegalArgumentException when {@code values} is empty or holds NaN or infinity
     */
    static Proto of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("add_histogram: The input has no element.");
        }
        double[] edges = DEFAULT_EDGES;
        long[] counts = new long[edges.length - 1];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sumSquares = 0;
        for (double x : values) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("add_histogram: values must be finite, got " + x);
            }
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
            sumSquares += x * x;
            int b = bucket(edges, x);
            if (b >= 0) {
                counts[b]++;
            }
        }
        // the first and last occupied buckets
        int start = -1;
        int end = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                if (start < 0) {
                    start = i;
                }
                end = i;
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException("add_histogram: every value lies outside the default buckets (|x| > 1e20)");
        }
        // TORCH: counts[start - 1 : end + 1] and limits[start : end + 2], with a leading 0 count when start == 0
        double[] bucketCounts = new double[end - start + 2];
        for (int i = 0; i < bucketCounts.length; i++) {
            int src = start - 1 + i;
            bucketCounts[i] = src >= 0 ? counts[src] : 0;
        }
        double[] limits = Arrays.copyOfRange(edges, start, end + 2);
        return new Proto()
                .doubleField(Events.HISTO_MIN, min)
                .doubleField(Events.HISTO_MAX, max)
                .doubleField(Events.HISTO_NUM, values.length)
                .doubleField(Events.HISTO_SUM, sum)
                .doubleField(Events.HISTO_SUM_SQUARES, sumSquares)
                .packedDoubles(Events.HISTO_BUCKET_LIMIT, limits)
                .packedDoubles(Events.HISTO_BUCKET, bucketCounts);
    }

    /** numpy.histogram's bucket for x: edges[i] <= x < edges[i+1], the last bucket closed; -1 outside. */
    static int bucket(double[] edges, double x) {
        if (x < edges[0] || x > edges[edges.length - 1]) {
            return -1;
        }
        if (x == edges[edges.length - 1]) {
            return edges.length - 2;
        }
        int i = Arrays.binarySearch(edges, x);
        return i >= 0 ? i : -i - 2;
    }
}
