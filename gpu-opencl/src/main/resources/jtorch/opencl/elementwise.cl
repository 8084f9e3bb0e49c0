// Strided unary, binary, compare, where and fill for one element type T, with KIND 0 (floating),
// 1 (int64) or 2 (bool). Op codes are the ordinals of jtorch.simd's UnaryOp, BinaryOp and CompareOp;
// the semantics follow jtorch.tensor.ScalarMath (NaN-propagating max/min, relu keeps NaN, floor division).

#if KIND == 0
inline T unary_f(int op, T x) {
    switch (op) {
        case 0: return -x;
        case 1: return fabs(x);
        case 2: return exp(x);
        case 3: return log(x);
        case 4: return sqrt(x);
        case 5: return (T) 1 / sqrt(x);
        case 6: return (T) 1 / x;
        case 7: return x * x;
        case 8: return tanh(x);
        case 9: return x >= 0 ? (T) 1 / ((T) 1 + exp(-x)) : exp(x) / ((T) 1 + exp(x));
        case 10: return x > 0 ? x : (isnan(x) ? x : (T) 0);
        case 11: return isnan(x) ? x : (x > 0 ? (T) 1 : (x < 0 ? (T) -1 : x));
        case 12: return floor(x);
        case 13: return ceil(x);
        case 14: return rint(x);
        case 15: return log1p(x);
        case 16: return expm1(x);
        case 17: return sin(x);
        case 18: return cos(x);
        case 19: return erf(x);
        // -inf gives NaN (-inf · 0) as in double arithmetic, even where tanh(-inf) rounds above -1.
        case 20:
            if (isinf(x)) {
                return x > 0 ? x : (T) NAN;
            }
            return (T) 0.5 * x * ((T) 1 + tanh((T) 0.7978845608028654 * (x + (T) 0.044715 * x * x * x)));
        default: return (T) 0.5 * x * ((T) 1 + erf(x * (T) 0.7071067811865476));
    }
}

inline T binary_f(int op, T a, T b) {
    switch (op) {
        case 0: return a + b;
        case 1: return a - b;
        case 2: return a * b;
        case 3: return a / b;
        case 4: return isnan(a) || isnan(b) ? (a + b) : fmax(a, b);
        case 5: return isnan(a) || isnan(b) ? (a + b) : fmin(a, b);
        case 6: return pow(a, b);
        case 7: return b - a;
        default: return b / a;
    }
}
#define UNARY unary_f
#define BINARY binary_f

#elif KIND == 1
inline long floor_div(long a, long b) {
    if (b == 0) {
        return 0;   // the host rejects integer division by zero before launch where it can
    }
    long q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

inline long pow_l(long a, long b) {
    long r = 1;
    for (long i = 0; i < b; i++) {
        r *= a;
    }
    return r;
}

inline T unary_l(int op, T x) {
    switch (op) {
        case 0: return -x;
        case 1: return x < 0 ? -x : x;
        case 7: return x * x;
        case 10: return x > 0 ? x : 0;
        case 11: return x > 0 ? 1 : (x < 0 ? -1 : 0);
        default: return x;   // floor, ceil, round of an integer
    }
}

inline T binary_l(int op, T a, T b) {
    switch (op) {
        case 0: return a + b;
        case 1: return a - b;
        case 2: return a * b;
        case 3: return floor_div(a, b);
        case 4: return a > b ? a : b;
        case 5: return a < b ? a : b;
        case 6: return pow_l(a, b);
        case 7: return b - a;
        default: return floor_div(b, a);
    }
}
#define UNARY unary_l
#define BINARY binary_l

#else
inline T unary_b(int op, T x) {
    return x;
}

// Bool arithmetic as PyTorch: add and max are or, mul and min are and (the host rejects the rest).
inline T binary_b(int op, T a, T b) {
    return (op == 0 || op == 4) ? (T) (a | b) : (T) (a & b);
}
#define UNARY unary_b
#define BINARY binary_b
#endif

__kernel void unary_op(Geo g, Str xs, Str ys, int op, __global const T* x, __global T* y) {
    int i = get_global_id(0);
    if (i >= g.n) {
        return;
    }
    y[off_of(i, g, ys)] = UNARY(op, x[off_of(i, g, xs)]);
}

__kernel void binary_op(Geo g, Str as, Str bs, Str ys, int op, __global const T* a, __global const T* b,
                        __global T* y) {
    int i = get_global_id(0);
    if (i >= g.n) {
        return;
    }
    y[off_of(i, g, ys)] = BINARY(op, a[off_of(i, g, as)], b[off_of(i, g, bs)]);
}

// IEEE comparisons: every comparison with NaN is false except NE.
__kernel void compare_op(Geo g, Str as, Str bs, Str ys, int op, __global const T* a, __global const T* b,
                         __global uchar* y) {
    int i = get_global_id(0);
    if (i >= g.n) {
        return;
    }
    T u = a[off_of(i, g, as)];
    T v = b[off_of(i, g, bs)];
    int r;
    switch (op) {
        case 0: r = u == v; break;
        case 1: r = u != v; break;
        case 2: r = u < v; break;
        case 3: r = u <= v; break;
        case 4: r = u > v; break;
        default: r = u >= v; break;
    }
    y[off_of(i, g, ys)] = (uchar) (r != 0);
}

__kernel void where_op(Geo g, Str cs, Str as, Str bs, Str ys, __global const uchar* c, __global const T* a,
                       __global const T* b, __global T* y) {
    int i = get_global_id(0);
    if (i >= g.n) {
        return;
    }
    y[off_of(i, g, ys)] = c[off_of(i, g, cs)] ? a[off_of(i, g, as)] : b[off_of(i, g, bs)];
}

__kernel void fill_op(Geo g, Str ys, T v, __global T* y) {
    int i = get_global_id(0);
    if (i >= g.n) {
        return;
    }
    y[off_of(i, g, ys)] = v;
}
