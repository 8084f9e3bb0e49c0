// Fused float32 kernels for a training step on contiguous arrays, so an optimizer step or a loss is one
// launch instead of a chain of elementwise ops.

// torch.optim.SGD for one parameter tensor.
__kernel void sgd(int n, __global float* p, __global const float* g, __global float* buf, float lr, float momentum,
                  float dampening, float wd, int nesterov, int first, int hasBuf) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    float d = g[i];
    if (wd != 0) {
        d += wd * p[i];
    }
    if (hasBuf) {
        float b = first ? d : momentum * buf[i] + (1 - dampening) * d;
        buf[i] = b;
        d = nesterov ? d + momentum * b : b;
    }
    p[i] -= lr * d;
}

// torch.optim.Adam (decoupled = AdamW) without amsgrad; bc1 = 1 − β1^t and bc2Sqrt = √(1 − β2^t) from the host.
__kernel void adam(int n, __global float* p, __global const float* g, __global float* m, __global float* v, float lr,
                   float b1, float b2, float eps, float wd, int decoupled, float bc1, float bc2Sqrt) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    float pi = p[i];
    float d = g[i];
    if (wd != 0) {
        if (decoupled) {
            pi *= 1 - lr * wd;
        } else {
            d += wd * pi;
        }
    }
    float mi = b1 * m[i] + (1 - b1) * d;
    float vi = b2 * v[i] + (1 - b2) * d * d;
    m[i] = mi;
    v[i] = vi;
    float denom = sqrt(vi) / bc2Sqrt + eps;
    p[i] = pi - (lr / bc1) * mi / denom;
}

// Per row of logits [N, C]: loss = logsumexp(row) − row[target]; grad = softmax(row) − onehot(target).
__kernel void cross_entropy(int N, int C, __global const float* x, int xOff, __global const long* target, int tOff,
                            int ignore, __global float* loss, int lOff, __global float* grad, int gOff, int hasGrad) {
    int r = get_global_id(0);
    if (r >= N) {
        return;
    }
    __global const float* row = x + xOff + r * C;
    long t = target[tOff + r];
    if (t == ignore) {
        loss[lOff + r] = 0;
        if (hasGrad) {
            for (int j = 0; j < C; j++) {
                grad[gOff + r * C + j] = 0;
            }
        }
        return;
    }
    float m = -INFINITY;
    for (int j = 0; j < C; j++) {
        m = fmax(m, row[j]);
    }
    float s = 0;
    for (int j = 0; j < C; j++) {
        s += exp(row[j] - m);
    }
    float lse = m + log(s);
    loss[lOff + r] = (t >= 0 && t < C) ? lse - row[t] : NAN;
    if (hasGrad) {
        for (int j = 0; j < C; j++) {
            grad[gOff + r * C + j] = exp(row[j] - lse) - (j == t ? 1.0f : 0.0f);
        }
    }
}
