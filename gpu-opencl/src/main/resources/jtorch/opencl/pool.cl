// Max and average pooling on contiguous [planes, H, W] data, following jtorch.simd.ScalarPool (PyTorch's
// CPU rules: clipped windows, NaN wins, first index on ties, avg divisor rules). Backward passes are
// gathers over the windows that can contain each input pixel: deterministic, no atomics.
typedef struct {
    int planes; int H; int W; int kH; int kW; int sH; int sW; int pH; int pW; int dH; int dW; int oH; int oW;
    int countIncludePad;
} PoolGeo;

__kernel void max_fwd(PoolGeo g, __global const T* x, int xOff, __global T* y, int yOff, __global int* idx) {
    int gid = get_global_id(0);
    if (gid >= g.planes * g.oH * g.oW) {
        return;
    }
    int ow = gid % g.oW;
    int oh = (gid / g.oW) % g.oH;
    int p = gid / (g.oW * g.oH);
    int hs = oh * g.sH - g.pH;
    int he = min(hs + (g.kH - 1) * g.dH + 1, g.H);
    while (hs < 0) {
        hs += g.dH;
    }
    int ws = ow * g.sW - g.pW;
    int we = min(ws + (g.kW - 1) * g.dW + 1, g.W);
    while (ws < 0) {
        ws += g.dW;
    }
    __global const T* xp = x + xOff + p * g.H * g.W;
    int best = hs * g.W + ws;
    T m = -INFINITY;
    for (int ih = hs; ih < he; ih += g.dH) {
        for (int iw = ws; iw < we; iw += g.dW) {
            T v = xp[ih * g.W + iw];
            if (v > m || isnan(v)) {
                m = v;
                best = ih * g.W + iw;
            }
        }
    }
    y[yOff + gid] = m;
    idx[gid] = best;
}

// First and last output index whose window [o·s − p, o·s − p + span] can contain input position i.
inline int first_out(int i, int p, int span, int s) {
    int lo = i + p - span;
    return lo <= 0 ? 0 : (lo + s - 1) / s;
}

__kernel void max_bwd(PoolGeo g, __global const T* gy, int gyOff, __global const int* idx, __global T* gx,
                      int gxOff) {
    int gid = get_global_id(0);
    if (gid >= g.planes * g.H * g.W) {
        return;
    }
    int hw = gid % (g.H * g.W);
    int p = gid / (g.H * g.W);
    int ih = hw / g.W;
    int iw = hw % g.W;
    int ohe = min((ih + g.pH) / g.sH, g.oH - 1);
    int owe = min((iw + g.pW) / g.sW, g.oW - 1);
    int base = p * g.oH * g.oW;
    T s = 0;
    for (int oh = first_out(ih, g.pH, (g.kH - 1) * g.dH, g.sH); oh <= ohe; oh++) {
        for (int ow = first_out(iw, g.pW, (g.kW - 1) * g.dW, g.sW); ow <= owe; ow++) {
            int o = base + oh * g.oW + ow;
            if (idx[o] == hw) {
                s += gy[gyOff + o];
            }
        }
    }
    gx[gxOff + gid] += s;
}

// TORCH: avg_pool2d's window, clipped; returns the divisor (0 for an empty window).
inline int avg_window(PoolGeo g, int oh, int ow, int* win) {
    int hs = oh * g.sH - g.pH;
    int ws = ow * g.sW - g.pW;
    int he = min(hs + g.kH, g.H + g.pH);
    int we = min(ws + g.kW, g.W + g.pW);
    int poolSize = (he - hs) * (we - ws);
    hs = max(hs, 0);
    ws = max(ws, 0);
    he = min(he, g.H);
    we = min(we, g.W);
    win[0] = hs;
    win[1] = he;
    win[2] = ws;
    win[3] = we;
    if (hs >= he || ws >= we) {
        return 0;
    }
    return g.countIncludePad ? poolSize : (he - hs) * (we - ws);
}

__kernel void avg_fwd(PoolGeo g, __global const T* x, int xOff, __global T* y, int yOff) {
    int gid = get_global_id(0);
    if (gid >= g.planes * g.oH * g.oW) {
        return;
    }
    int ow = gid % g.oW;
    int oh = (gid / g.oW) % g.oH;
    int p = gid / (g.oW * g.oH);
    int win[4];
    int div = avg_window(g, oh, ow, win);
    __global const T* xp = x + xOff + p * g.H * g.W;
    T s = 0;
    for (int ih = win[0]; ih < win[1]; ih++) {
        for (int iw = win[2]; iw < win[3]; iw++) {
            s += xp[ih * g.W + iw];
        }
    }
    y[yOff + gid] = div == 0 ? (T) 0 : s / (T) div;
}

__kernel void avg_bwd(PoolGeo g, __global const T* gy, int gyOff, __global T* gx, int gxOff) {
    int gid = get_global_id(0);
    if (gid >= g.planes * g.H * g.W) {
        return;
    }
    int p = gid / (g.H * g.W);
    int ih = (gid / g.W) % g.H;
    int iw = gid % g.W;
    int ohe = min((ih + g.pH) / g.sH, g.oH - 1);
    int owe = min((iw + g.pW) / g.sW, g.oW - 1);
    int base = p * g.oH * g.oW;
    T s = 0;
    int win[4];
    for (int oh = first_out(ih, g.pH, g.kH - 1, g.sH); oh <= ohe; oh++) {
        for (int ow = first_out(iw, g.pW, g.kW - 1, g.sW); ow <= owe; ow++) {
            int div = avg_window(g, oh, ow, win);
            if (div != 0 && ih >= win[0] && ih < win[1] && iw >= win[2] && iw < win[3]) {
                s += gy[gyOff + base + oh * g.oW + ow] / (T) div;
            }
        }
    }
    gx[gxOff + gid] += s;
}

__kernel void idx_to_long(int n, __global const int* idx, __global long* out) {
    int i = get_global_id(0);
    if (i < n) {
        out[i] = idx[i];
    }
}
