#!/usr/bin/python3
"""OpenBLAS's side of SkinnyGemmBenchmark, through numpy: float32 m x k times k x n, GFLOP/s.

Usage: OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=N /usr/bin/python3 bench/peers/numpy_skinny.py
(OPENBLAS_CORETYPE as in ../shared/peers/numpy_gemm.py). Prints one JSON line per shape: median and best.
"""
import json, statistics, time
import numpy as np

for m, k, n in [(32, 75, 65536), (32, 800, 16384), (64, 800, 4096)]:
    a = np.random.rand(m, k).astype(np.float32)
    b = np.random.rand(k, n).astype(np.float32)
    a @ b
    g = []
    for _ in range(100):
        s = time.perf_counter(); a @ b; g.append(2 * m * n * k / (time.perf_counter() - s) / 1e9)
    print(json.dumps({"peer": "numpy/OpenBLAS", "shape": f"{m}x{k}x{n}", "gflops_median": round(statistics.median(g), 1),
                      "gflops_best": round(max(g), 1)}))
