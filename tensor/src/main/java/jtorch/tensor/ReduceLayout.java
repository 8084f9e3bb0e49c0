package jtorch.tensor;

/**
 * Splits a reduction into kept dimensions (one output element each) and reduced dimensions (the run
 * each output element folds), with the strides of the input and output along each.
 */
final class ReduceLayout {
    final int[] keptShape;
    final int[] keptXStrides;
    final int[] keptOutStrides;
    final int[] redShape;
    final int[] redXStrides;
    final int outCount;
    final int redCount;

    /** Reduced dims are those where {@code outShape} is 1 and {@code x} is not; out has x's rank. */
    ReduceLayout(NdArray x, int[] outShape, int[] outStrides) {
        int[] xs = x.shape();
        int[] xst = x.strides();
        int kept = 0;
        for (int d = 0; d < xs.length; d++) {
            if (!(outShape[d] == 1 && xs[d] != 1)) {
                kept++;
            }
        }
        keptShape = new int[kept];
        keptXStrides = new int[kept];
        keptOutStrides = new int[kept];
        redShape = new int[xs.length - kept];
        redXStrides = new int[xs.length - kept];
        int k = 0;
        int r = 0;
        for (int d = 0; d < xs.length; d++) {
            if (outShape[d] == 1 && xs[d] != 1) {
                redShape[r] = xs[d];
                redXStrides[r++] = xst[d];
            } else {
                keptShape[k] = xs[d];
                keptXStrides[k] = xst[d];
                keptOutStrides[k++] = outStrides[d];
            }
        }
        int oc = 1;
        for (int s : keptShape) {
            oc *= s;
        }
        int rc = 1;
        for (int s : redShape) {
            rc *= s;
        }
        outCount = oc;
        redCount = rc;
    }

    /** Offset in x of kept position {@code linear}, plus {@code base}. */
    int xOffset(int base, int linear) {
        return offset(base, linear, keptXStrides);
    }

    int outOffset(int base, int linear) {
        return offset(base, linear, keptOutStrides);
    }

    private int offset(int base, int linear, int[] strides) {
        int o = base;
        for (int d = keptShape.length - 1; d >= 0; d--) {
            o += (linear % keptShape[d]) * strides[d];
            linear /= keptShape[d];
        }
        return o;
    }

    /**
     * True when the reduced space, walked in row-major order, is one unit-stride run (its offsets are
     * 0, 1, 2, ...; no reduced dimension at all is a run of one): a full or trailing reduction of a contiguous
     * tensor. Such a fold needs no offset table, which for a full sum of a 64x32x16x16 activation was a 2 MB
     * array costing more than the sum itself.
     */
    boolean reducedIsUnitRun() {
        if (redCount == 0) {
            return false;
        }
        long expected = 1;
        for (int d = redShape.length - 1; d >= 0; d--) {
            if (redXStrides[d] != expected) {
                return false;
            }
            expected *= redShape[d];
        }
        return true;
    }

    /** Offsets (relative) of every element of the reduced space, in row-major order. */
    int[] reducedOffsets() {
        int[] offs = new int[redCount];
        int[] idx = new int[redShape.length];
        int o = 0;
        for (int i = 0; i < redCount; i++) {
            offs[i] = o;
            for (int d = redShape.length - 1; d >= 0; d--) {
                idx[d]++;
                o += redXStrides[d];
                if (idx[d] < redShape[d]) {
                    break;
                }
                o -= idx[d] * redXStrides[d];
                idx[d] = 0;
            }
        }
        return offs;
    }
}
