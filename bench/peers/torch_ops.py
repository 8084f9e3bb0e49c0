#!/usr/bin/python3
"""PyTorch's side of the op benchmarks: the seed network's conv2d (forward, forward+backward) and max_pool2d
at batch 64, milliseconds per call (median of repeated timings), one JSON line per op.

Usage: /usr/bin/python3 bench/peers/torch_ops.py [--threads N]
"""
import argparse, json, statistics, time
import torch
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=2)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)


def timed(fn, reps=30):
    for _ in range(5):
        fn()
    ts = []
    for _ in range(reps):
        s = time.perf_counter(); fn(); ts.append(time.perf_counter() - s)
    return statistics.median(ts) * 1e3


for name, (cin, cout, size) in {"conv1": (3, 32, 32), "conv2": (32, 32, 16), "conv3": (32, 64, 8)}.items():
    x = torch.randn(64, cin, size, size, requires_grad=True)
    w = (torch.randn(cout, cin, 5, 5) * 0.05).requires_grad_()
    b = torch.zeros(cout, requires_grad=True)

    def fwd():
        with torch.no_grad():
            F.conv2d(x, w, b, 1, 2)

    def fwdbwd():
        y = F.conv2d(x, w, b, 1, 2)
        y.sum().backward()
        x.grad = w.grad = b.grad = None

    print(json.dumps({"op": name, "threads": a.threads, "forward_ms": round(timed(fwd), 3),
                      "forward_backward_ms": round(timed(fwdbwd), 3)}))

x = torch.randn(64, 32, 32, 32, requires_grad=True)


def pool_fwd():
    with torch.no_grad():
        F.max_pool2d(x, 2)


def pool_fwdbwd():
    y = F.max_pool2d(x, 2)
    y.sum().backward()
    x.grad = None


print(json.dumps({"op": "maxpool", "threads": a.threads, "forward_ms": round(timed(pool_fwd), 3),
                  "forward_backward_ms": round(timed(pool_fwdbwd), 3)}))
