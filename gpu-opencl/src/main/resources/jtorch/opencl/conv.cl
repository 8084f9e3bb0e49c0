// im2col and col2im for 2-d convolution on contiguous [N, C, H, W] images (one group's cg channels).
// A column row r = (c·kH + kh)·kW + kw, a column l = oh·oW + ow; image n of the chunk lives at
// col[n·colN + r·colR + l], so one kernel fills both the batched layout [n][r][l] (forward, input
// gradient) and the wide layout [r][n·L + l] (weight gradient: one GEMM over the whole chunk).
typedef struct {
    int count; int cg; int H; int W; int kH; int kW; int sH; int sW; int pH; int pW; int dH; int dW; int oH; int oW;
} ConvGeo;

__kernel void im2col(ConvGeo g, __global const T* x, int xOff, int xImg, __global T* col, int colN, int colR) {
    int gid = get_global_id(0);
    int L = g.oH * g.oW;
    int rows = g.cg * g.kH * g.kW;
    if (gid >= g.count * rows * L) {
        return;
    }
    int l = gid % L;
    int t = gid / L;
    int r = t % rows;
    int n = t / rows;
    int kw = r % g.kW;
    int kh = (r / g.kW) % g.kH;
    int c = r / (g.kW * g.kH);
    int ih = (l / g.oW) * g.sH - g.pH + kh * g.dH;
    int iw = (l % g.oW) * g.sW - g.pW + kw * g.dW;
    T v = 0;
    if (ih >= 0 && ih < g.H && iw >= 0 && iw < g.W) {
        v = x[xOff + n * xImg + (c * g.H + ih) * g.W + iw];
    }
    col[n * colN + r * colR + l] = v;
}

// The adjoint of im2col as a gather: each input pixel sums the column entries that read it, so no
// atomics are needed and the result is deterministic. Accumulates into x.
__kernel void col2im(ConvGeo g, __global const T* col, int colN, int colR, __global T* x, int xOff, int xImg) {
    int gid = get_global_id(0);
    if (gid >= g.count * g.cg * g.H * g.W) {
        return;
    }
    int iw = gid % g.W;
    int ih = (gid / g.W) % g.H;
    int c = (gid / (g.W * g.H)) % g.cg;
    int n = gid / (g.W * g.H * g.cg);
    T s = 0;
    for (int kh = 0; kh < g.kH; kh++) {
        int th = ih + g.pH - kh * g.dH;
        if (th < 0 || th % g.sH != 0 || th / g.sH >= g.oH) {
            continue;
        }
        for (int kw = 0; kw < g.kW; kw++) {
            int tw = iw + g.pW - kw * g.dW;
            if (tw < 0 || tw % g.sW != 0 || tw / g.sW >= g.oW) {
                continue;
            }
            s += col[n * colN + ((c * g.kH + kh) * g.kW + kw) * colR + (th / g.sH) * g.oW + tw / g.sW];
        }
    }
    x[xOff + n * xImg + (c * g.H + ih) * g.W + iw] += s;
}
