package jtorch.opencl;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import jtorch.tensor.DType;
import jtorch.tensor.NdArray;

/**
 * index_select, gather and scatter_add (index.cl). Kernels skip bad indices and flag them; the host reads
 * the flag after the op (one small blocking read) so an out-of-range index throws here, as on the CPU,
 * instead of surfacing later.
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
        OpenCLStorage err = errorFlag(be);
        int size = x.size(dim);
        be.launch(FILE, Types.opts(x.dtype()), "index_select").ints(g.geo()).ints(g.str(0)).ints(g.str(1)).i(dim)
                .i(size).i(index.offset()).i(index.dim() == 0 ? 0 : index.stride(0)).mem(x).mem(index).mem(out)
                .mem(err.mem()).run(g.numel());
        check(be, err, "index out of range in self: index %d is out of bounds for dimension " + dim + " with size "
                + size);
    }

    static void gather(OpenCLBackend be, NdArray x, int dim, NdArray index, NdArray out) {
        be.checkDtype(x.dtype());
        Geometry g = Geometry.unmerged(index.shape(), x, index, out);
        if (g.numel() == 0) {
            return;
        }
        OpenCLStorage err = errorFlag(be);
        int size = x.size(dim);
        be.launch(FILE, Types.opts(x.dtype()), "gather").ints(g.geo()).ints(g.str(0)).ints(g.str(1)).ints(g.str(2))
                .i(dim).i(size).mem(x).mem(index).mem(out).mem(err.mem()).run(g.numel());
        check(be, err, "index %d is out of bounds for dimension " + dim + " with size " + size);
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
        OpenCLStorage err = errorFlag(be);
        int size = self.size(dim);
        be.launch(FILE, Types.opts(self.dtype()), "scatter_add").ints(g.geo()).ints(g.str(0)).ints(g.str(1))
                .ints(g.str(2)).i(dim).i(len).i(size).mem(self).mem(index).mem(src).mem(err.mem()).run(g.numel());
        check(be, err, "index %d is out of bounds for dimension " + dim + " with size " + size);
    }

    /** A fresh zeroed flag: {flag, low word, high word} of the first bad index. */
    private static OpenCLStorage errorFlag(OpenCLBackend be) {
        return (OpenCLStorage) be.allocate(DType.FLOAT32, 3);
    }

    private static void check(OpenCLBackend be, OpenCLStorage err, String message) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(JAVA_INT, 3);
            be.cl().read(be.queue(), err.mem(), 0, s);
            if (s.getAtIndex(JAVA_INT, 0) != 0) {
                long bad = (s.getAtIndex(JAVA_INT, 1) & 0xFFFFFFFFL) | ((long) s.getAtIndex(JAVA_INT, 2) << 32);
                throw new IndexOutOfBoundsException(String.format(message, bad));
            }
        } finally {
            err.release();
        }
    }
}
