// index_select, gather and scatter_add on strided views (dims are not merged: dim must stay visible).
// A bad index skips its element and records itself in the backend's error word (check.cl's layout: tag, unused,
// low and high word of the index); the host throws at its next synchronizing read.

inline void record_bad(__global int* err, int tag, long j) {
    if (atomic_cmpxchg(err, 0, tag) == 0) {
        err[2] = (int) j;
        err[3] = (int) (j >> 32);
    }
}

inline int wrap_index(long j, int size, __global int* err, int tag) {
    if (j < -size || j >= size) {
        record_bad(err, tag, j);
        return -1;
    }
    return (int) (j < 0 ? j + size : j);
}

// out (shape g) = x with coordinate dim replaced by index[coordinate].
__kernel void index_select(Geo g, Str xs, Str os, int dim, int size, int idxOff, int idxStride,
                           __global const T* x, __global const long* index, __global T* out, __global int* err,
                           int tag) {
    int i = get_global_id(0);
    if (i >= g.n) {
        return;
    }
    int xo = xs.off;
    int oo = os.off;
    int rest = i;
    for (int d = g.rank - 1; d >= 0; d--) {
        int c = rest % g.shape[d];
        rest /= g.shape[d];
        oo += c * os.st[d];
        if (d == dim) {
            c = wrap_index(index[idxOff + c * idxStride], size, err, tag);
            if (c < 0) {
                return;
            }
        }
        xo += c * xs.st[d];
    }
    out[oo] = x[xo];
}

// out[p] = x[p with p[dim] = index[p]]; g is index's (= out's) shape.
__kernel void gather(Geo g, Str xs, Str is, Str os, int dim, int size, __global const T* x,
                     __global const long* index, __global T* out, __global int* err, int tag) {
    int i = get_global_id(0);
    if (i >= g.n) {
        return;
    }
    int xo = xs.off;
    int io = is.off;
    int oo = os.off;
    int rest = i;
    int cd = 0;
    for (int d = g.rank - 1; d >= 0; d--) {
        int c = rest % g.shape[d];
        rest /= g.shape[d];
        io += c * is.st[d];
        oo += c * os.st[d];
        if (d != dim) {
            xo += c * xs.st[d];
        }
    }
    cd = wrap_index(index[io], size, err, tag);
    if (cd < 0) {
        return;
    }
    out[oo] = x[xo + cd * xs.st[dim]];
}

// self[p with p[dim] = index[p]] += src[p]. One work item per line along dim (g has size 1 there), looping
// serially: only positions on one line can hit the same element, so there are no races, and the order of
// additions is the CPU backend's.
__kernel void scatter_add(Geo g, Str ss, Str is, Str rs, int dim, int len, int size, __global T* self,
                          __global const long* index, __global const T* src, __global int* err, int tag) {
    int i = get_global_id(0);
    if (i >= g.n) {
        return;
    }
    int so = ss.off;
    int io = is.off;
    int ro = rs.off;
    int rest = i;
    for (int d = g.rank - 1; d >= 0; d--) {
        int c = rest % g.shape[d];
        rest /= g.shape[d];
        io += c * is.st[d];
        ro += c * rs.st[d];
        so += c * ss.st[d];
    }
    for (int j = 0; j < len; j++) {
        int c = wrap_index(index[io + j * is.st[dim]], size, err, tag);
        if (c >= 0) {
#if KIND == 2
            self[so + c * ss.st[dim]] |= src[ro + j * rs.st[dim]];
#else
            self[so + c * ss.st[dim]] += src[ro + j * rs.st[dim]];
#endif
        }
    }
}
