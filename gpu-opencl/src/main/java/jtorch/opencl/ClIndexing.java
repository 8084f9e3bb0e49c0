package jtorch.opencl;

import jtorch.tensor.NdArray;

/**
 * index_select, gather and scatter_add (index.cl). Kernels skip bad indices and record the first in the
 * backend's error word; the {@link IndexOutOfBoundsException} (the CPU's message) is thrown at the next
 * synchronizing read ({@code item()}, {@code toFloatArray()}, {@code to(cpu)}), not at the call: the host does
 * not wait for the device between ops.
 */
final class ClIndexing {
    private ClIndexing() {}

    private static final String FILE = "index.cl";

    static void indexSelect(OpenCLBackend be, NdArray x, int dim, NdArray index, NdArray out) {
        be.checkDtype(x.dtype());
        Geometry g = Geometry.unmerged(out.shape(), x, out);
        if (g.numel() == 0) {
            return;
        }
        int size = x.size(dim);
        int tag = be.defer(bad -> new IndexOutOfBoundsException("index out of range in self: index " + bad
                + " is out of bounds for dimension " + dim + " with size " + size));
        be.launch(FILE, Types.opts(x.dtype()), "index_select").ints(g.geo()).ints(g.str(0)).ints(g.str(1)).i(dim)
                .i(size).i(index.offset()).i(index.dim() == 0 ? 0 : index.stride(0)).mem(x).mem(index).mem(out)
                .mem(be.errorWord()).i(tag).run(g.numel());
    }

    static void gather(OpenCLBackend be, NdArray x, int dim, NdArray index, NdArray out) {
        be.checkDtype(x.dtype());
        Geometry g = Geometry.unmerged(index.shape(), x, index, out);
        if (g.numel() == 0) {
            return;
        }
        int size = x.size(dim);
        int tag = be.defer(bad -> outOfBounds(bad, dim, size));
        be.launch(FILE, Types.opts(x.dtype()), "gather").ints(g.geo()).ints(g.str(0)).ints(g.str(1)).ints(g.str(2))
                .i(dim).i(size).mem(x).mem(index).mem(out).mem(be.errorWord()).i(tag).run(g.numel());
    }

    static void scatterAdd(OpenCLBackend be, NdArray self, int dim, NdArray index, NdArray src) {
        be.checkDtype(self.dtype());
        int[] lines = index.shape();
        int len = lines[dim];
        lines[dim] = 1;
        Geometry g = Geometry.unmerged(lines, self, index, src);
        if (g.numel() == 0 || len == 0) {
            return;
        }
        int size = self.size(dim);
        int tag = be.defer(bad -> outOfBounds(bad, dim, size));
        be.launch(FILE, Types.opts(self.dtype()), "scatter_add").ints(g.geo()).ints(g.str(0)).ints(g.str(1))
                .ints(g.str(2)).i(dim).i(len).i(size).mem(self).mem(index).mem(src).mem(be.errorWord()).i(tag)
                .run(g.numel());
    }

    private static IndexOutOfBoundsException outOfBounds(long bad, int dim, int size) {
        return new IndexOutOfBoundsException("index " + bad + " is out of bounds for dimension " + dim + " with size "
                + size);
    }
}
