// Batched GEMM on strided operands: C = alpha·A·B + beta·C with A [M, K], B [K, N], C [M, N] per batch.
// Any strides, so NN, NT (B a transposed view), TN and broadcast (stride-0) batches need no copies.
//
// Tiling: a work group of WG×WG items computes a TS×TS tile of C (TS = WG·WPT); each item keeps a
// WPT×WPT block of C in registers (register blocking) and the K loop stages TK-deep slabs of A and B in
// local memory. Loads are ordered so that neighbouring items read neighbouring addresses for the
// operand's unit-stride dim (A_ROWS / B_ROWS say which one that is).
#define TS (WG * WPT)
#define TK 16

__kernel __attribute__((reqd_work_group_size(WG, WG, 1)))
void gemm(int M, int N, int K,
          __global const T* A, int aOff, int aB, int aR, int aC, int aRowMajor,
          __global const T* B, int bOff, int bB, int bR, int bC, int bRowMajor,
          __global T* C, int cOff, int cB, int cR, int cC, T alpha, T beta) {
    __local T As[TK][TS + 1];
    __local T Bs[TK][TS + 1];
    int tx = get_local_id(0);
    int ty = get_local_id(1);
    int tid = ty * WG + tx;
    int n0 = get_group_id(0) * TS;
    int m0 = get_group_id(1) * TS;
    int batch = get_global_id(2);
    A += aOff + batch * aB;
    B += bOff + batch * bB;
    C += cOff + batch * cB;
    T acc[WPT][WPT];
    for (int i = 0; i < WPT; i++) {
        for (int j = 0; j < WPT; j++) {
            acc[i][j] = 0;
        }
    }
    for (int k0 = 0; k0 < K; k0 += TK) {
        for (int e = tid; e < TS * TK; e += WG * WG) {
            int mm = aRowMajor ? e / TK : e % TS;
            int kk = aRowMajor ? e % TK : e / TS;
            int m = m0 + mm;
            int k = k0 + kk;
            As[kk][mm] = (m < M && k < K) ? A[m * aR + k * aC] : (T) 0;
        }
        for (int e = tid; e < TS * TK; e += WG * WG) {
            int nn = bRowMajor ? e % TS : e / TK;
            int kk = bRowMajor ? e / TS : e % TK;
            int n = n0 + nn;
            int k = k0 + kk;
            Bs[kk][nn] = (n < N && k < K) ? B[k * bR + n * bC] : (T) 0;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int kk = 0; kk < TK; kk++) {
            T a[WPT];
            T b[WPT];
            for (int i = 0; i < WPT; i++) {
                a[i] = As[kk][ty + i * WG];
                b[i] = Bs[kk][tx + i * WG];
            }
            for (int i = 0; i < WPT; i++) {
                for (int j = 0; j < WPT; j++) {
                    acc[i][j] += a[i] * b[j];
                }
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    for (int i = 0; i < WPT; i++) {
        int m = m0 + ty + i * WG;
        if (m >= M) {
            continue;
        }
        for (int j = 0; j < WPT; j++) {
            int n = n0 + tx + j * WG;
            if (n < N) {
                int o = m * cR + n * cC;
                // beta 0 never reads C, so garbage (even NaN) in a fresh buffer cannot leak in.
                C[o] = beta == 0 ? alpha * acc[i][j] : alpha * acc[i][j] + beta * C[o];
            }
        }
    }
}
