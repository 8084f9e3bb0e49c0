#!/usr/bin/python3
"""PyTorch's side of the main job: the seed CNN (1 input channel, Linear(64*3*3, 64)) on the full Fashion-MNIST,
SGD lr 0.01 momentum 0.9, batch 64, shuffled, ToTensor only — the recipe `./jtorch train` runs by default.
Prints one JSON line per epoch: test accuracy, training seconds and images/s.

Usage: /usr/bin/python3 bench/peers/torch_fashion_mnist.py [--threads 2] [--epochs 3] [--data /usr/share/datasets/fashion-mnist]
"""
import argparse, gzip, json, os, struct, time
os.environ.setdefault("OPENBLAS_CORETYPE", "SkylakeX")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np
import torch
from torch import nn

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=2)
p.add_argument("--epochs", type=int, default=3)
p.add_argument("--seed", type=int, default=0)
p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(a.seed)


def idx(name):
    with gzip.open(os.path.join(a.data, name), "rb") as f:
        raw = f.read()
    magic, n = struct.unpack(">II", raw[:8])
    if magic == 0x803:
        rows, cols = struct.unpack(">II", raw[8:16])
        return np.frombuffer(raw, np.uint8, offset=16).reshape(n, 1, rows, cols)
    return np.frombuffer(raw, np.uint8, offset=8).astype(np.int64)


xtr = torch.from_numpy(idx("train-images-idx3-ubyte.gz").astype(np.float32) / 255.0)
ytr = torch.from_numpy(idx("train-labels-idx1-ubyte.gz"))
xte = torch.from_numpy(idx("t10k-images-idx3-ubyte.gz").astype(np.float32) / 255.0)
yte = torch.from_numpy(idx("t10k-labels-idx1-ubyte.gz"))
train = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(xtr, ytr), batch_size=64, shuffle=True)
net = nn.Sequential(nn.Conv2d(1, 32, 5, 1, 2), nn.MaxPool2d(2), nn.Conv2d(32, 32, 5, 1, 2), nn.MaxPool2d(2),
                    nn.Conv2d(32, 64, 5, 1, 2), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(64 * 3 * 3, 64), nn.Linear(64, 10))
opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(a.epochs):
    net.train()
    start = time.perf_counter()
    seen = 0
    for x, y in train:
        loss = loss_fn(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        seen += x.shape[0]
    secs = time.perf_counter() - start
    net.eval()
    with torch.no_grad():
        correct = sum(int((net(xte[i:i + 256]).argmax(1) == yte[i:i + 256]).sum()) for i in range(0, len(xte), 256))
    print(json.dumps({"peer": f"pytorch {torch.__version__}", "threads": a.threads, "epoch": epoch + 1,
                      "test_accuracy": round(100.0 * correct / len(xte), 2), "train_seconds": round(secs, 1),
                      "train_img_s": round(seen / secs, 1)}), flush=True)
