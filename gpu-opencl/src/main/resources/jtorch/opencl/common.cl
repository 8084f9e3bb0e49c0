// Prepended to every program. T (and S, D, X, O) are element types given as -D build options:
// float32 = float, float64 = double, int64 = long, bool = uchar (one byte, 0 or 1).
#ifdef cl_khr_fp64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif

#define MAXD 8

// The iteration space of a strided op: rank <= 8 after the host merges contiguous dims; n elements.
typedef struct { int rank; int n; int shape[MAXD]; } Geo;

// One operand's view: storage offset and a stride per dim of Geo (0 for a broadcast dim).
typedef struct { int off; int st[MAXD]; } Str;

// The storage index of row-major element i of the iteration space in view s.
inline int off_of(int i, Geo g, Str s) {
    int o = s.off;
    for (int d = g.rank - 1; d >= 0; d--) {
        int sz = g.shape[d];
        o += (i % sz) * s.st[d];
        i /= sz;
    }
    return o;
}
