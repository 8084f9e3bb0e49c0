// Strided copy from element type S to D with PyTorch's casts: to bool is x != 0; floating to int64
// truncates toward zero and saturates, NaN giving 0 (Java's (long) cast); bool to a number is 0 or 1.
#if TO_BOOL
#define CONVERT(v) ((D) ((v) != 0))
#elif TO_LONG_SAT
#define CONVERT(v) convert_long_sat_rtz(v)
#else
#define CONVERT(v) ((D) (v))
#endif

__kernel void copy_op(Geo g, Str xs, Str ys, __global const S* x, __global D* y) {
    int i = get_global_id(0);
    if (i >= g.n) {
        return;
    }
    y[off_of(i, g, ys)] = CONVERT(x[off_of(i, g, xs)]);
}
