// Reductions over a set of dims, arg-max/min along one dim, and (log-)softmax along one dim.
// X is the input type, O the output type, ACC the accumulator; MODE 0 folds floats, 1 int64, 2 bool.
// Op codes are the ordinals of jtorch.tensor.ReduceOp: SUM, PROD, MAX, MIN, ANY, ALL.

// Kept dims (one output each, with x and out strides) and reduced dims (folded, with x strides).
typedef struct {
    int kr; int outCount; int kshape[MAXD]; int kx[MAXD]; int ko[MAXD];
    int rr; int redCount; int rshape[MAXD]; int rx[MAXD];
} Red;

inline int kept_off(int i, int rank, const int* shape, const int* st) {
    int o = 0;
    for (int d = rank - 1; d >= 0; d--) {
        o += (i % shape[d]) * st[d];
        i /= shape[d];
    }
    return o;
}

#ifdef MODE
inline ACC load(__global const X* x, int o) {
#if MODE == 2
    return x[o] != 0;
#else
    return (ACC) x[o];
#endif
}

inline ACC init(int op) {
#if MODE == 2
    return (op == 5 || op == 3 || op == 1) ? 1 : 0;
#elif MODE == 1
    return op == 0 ? 0 : (op == 1 ? 1 : (op == 2 ? LONG_MIN : LONG_MAX));
#else
    return op == 0 ? (ACC) 0 : (op == 1 ? (ACC) 1 : (op == 2 ? (ACC) -INFINITY : (ACC) INFINITY));
#endif
}

inline ACC step(int op, ACC acc, ACC v) {
#if MODE == 2
    return (op == 5 || op == 3 || op == 1) ? (acc && v) : (acc || v);
#elif MODE == 1
    switch (op) {
        case 0: return acc + v;
        case 1: return acc * v;
        case 2: return v > acc ? v : acc;
        default: return v < acc ? v : acc;
    }
#else
    // TORCH: max and min propagate NaN (the first NaN wins and stays).
    switch (op) {
        case 0: return acc + v;
        case 1: return acc * v;
        case 2: return (v > acc || isnan(v)) && !isnan(acc) ? v : acc;
        default: return (v < acc || isnan(v)) && !isnan(acc) ? v : acc;
    }
#endif
}

// One work item per output element: for short reductions.
__kernel void reduce_serial(Red r, int op, int xoff, int ooff, __global const X* x, __global O* out) {
    int i = get_global_id(0);
    if (i >= r.outCount) {
        return;
    }
    int xb = xoff + kept_off(i, r.kr, r.kshape, r.kx);
    ACC acc = init(op);
    for (int j = 0; j < r.redCount; j++) {
        acc = step(op, acc, load(x, xb + kept_off(j, r.rr, r.rshape, r.rx)));
    }
    out[ooff + kept_off(i, r.kr, r.kshape, r.ko)] = (O) acc;
}

// One work group of RG items per output element: strided partial folds, then a tree in local memory.
#define RG 64
__kernel void reduce_group(Red r, int op, int xoff, int ooff, __global const X* x, __global O* out) {
    __local ACC part[RG];
    int i = get_group_id(0);
    int lid = get_local_id(0);
    int xb = xoff + kept_off(i, r.kr, r.kshape, r.kx);
    ACC acc = init(op);
    for (int j = lid; j < r.redCount; j += RG) {
        acc = step(op, acc, load(x, xb + kept_off(j, r.rr, r.rshape, r.rx)));
    }
    part[lid] = acc;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = RG / 2; s > 0; s >>= 1) {
        if (lid < s) {
            part[lid] = step(op, part[lid], part[lid + s]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        out[ooff + kept_off(i, r.kr, r.kshape, r.ko)] = (O) part[0];
    }
}
#endif

#ifdef ARG
#if ARG_FLOAT
#define IS_NAN(v) isnan(v)
#else
#define IS_NAN(v) 0
#endif
// Index of the first max (min) along the one reduced dim; a NaN counts as the extreme and stops the scan.
__kernel void arg_reduce(Red r, int is_max, int xoff, int ooff, __global const X* x, __global long* out) {
    int i = get_global_id(0);
    if (i >= r.outCount) {
        return;
    }
    int xb = xoff + kept_off(i, r.kr, r.kshape, r.kx);
    int n = r.rshape[0];
    int st = r.rx[0];
    int best = 0;
    X bv = x[xb];
    for (int j = 1; j < n && !IS_NAN(bv); j++) {
        X v = x[xb + j * st];
        if (IS_NAN(v) || (is_max ? v > bv : v < bv)) {
            best = j;
            bv = v;
        }
    }
    out[ooff + kept_off(i, r.kr, r.kshape, r.ko)] = best;
}
#endif

#ifdef SOFTMAX
// One work item per row: shift by the max (NaN-propagating), sum the exps, then write. An all -inf row
// shifts by 0, giving NaN as jtorch's CPU backend does.
__kernel void softmax_rows(Red r, int ys, int is_log, int xoff, int ooff, __global const X* x, __global X* out) {
    int i = get_global_id(0);
    if (i >= r.outCount) {
        return;
    }
    int xb = xoff + kept_off(i, r.kr, r.kshape, r.kx);
    int yb = ooff + kept_off(i, r.kr, r.kshape, r.ko);
    int n = r.rshape[0];
    int xs = r.rx[0];
    ACC m = -INFINITY;
    for (int j = 0; j < n; j++) {
        ACC v = (ACC) x[xb + j * xs];
        m = isnan(m) ? m : (isnan(v) ? v : fmax(m, v));
    }
    if (m == -INFINITY) {
        m = 0;
    }
    ACC s = 0;
    for (int j = 0; j < n; j++) {
        s += exp((ACC) x[xb + j * xs] - m);
    }
    ACC lse = log(s);
    for (int j = 0; j < n; j++) {
        ACC v = (ACC) x[xb + j * xs] - m;
        out[yb + j * ys] = (X) (is_log ? v - lse : exp(v) / s);
    }
}
#endif
