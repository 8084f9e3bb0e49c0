package jtorch.tensor;

/** Stride arithmetic for views. */
final class Views {
    private Views() {}

    /**
     * Strides that let {@code newShape} view the same elements as ({@code shape}, {@code strides}) in
     * row-major order, or null when no such strides exist (PyTorch's {@code computeStride}).
     */
    static int[] viewStrides(int[] shape, int[] strides, int[] newShape) {
        int[] out = new int[newShape.length];
        long numel = 1;
        for (int s : shape) {
            numel *= s;
        }
        if (numel == 0 || shape.length == 0) {   // nothing to keep: any strides address the same elements
            return Shape.contiguousStrides(newShape);
        }
        // Walk old dims from the back, grouping runs that are contiguous with each other ("chunks");
        // each chunk can be re-split into any new dims whose product matches it.
        int viewD = newShape.length - 1;
        long chunkBaseStride = strides.length > 0 ? strides[strides.length - 1] : 1;
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int tensorD = shape.length - 1; tensorD >= 0; tensorD--) {
            tensorNumel *= shape[tensorD];
            boolean chunkEnds = tensorD == 0
                    || (shape[tensorD - 1] != 1 && strides[tensorD - 1] != tensorNumel * chunkBaseStride);
            if (chunkEnds) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    out[viewD] = (int) (viewNumel * chunkBaseStride);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) {
                    return null;
                }
                if (tensorD > 0) {
                    chunkBaseStride = strides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        if (viewD != -1) {
            return null;
        }
        return out;
    }
}
