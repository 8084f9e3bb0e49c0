#!/usr/bin/python3
"""PyTorch's side of the VGG16 figures of the performance issue: torchvision's vgg16 (random weights) forward
at [1,3,224,224] in eval mode without grad, and one SGD training step (cross-entropy, zero_grad, backward,
step) at [8,3,32,32]. Milliseconds per call (median), one JSON line.

Usage: /usr/bin/python3 bench/peers/torch_vgg16.py [--threads N]
"""
import argparse, json, statistics, time
import torch
import torchvision

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=2)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)


def timed(fn, warm, reps):
    for _ in range(warm):
        fn()
    ts = []
    for _ in range(reps):
        s = time.perf_counter(); fn(); ts.append(time.perf_counter() - s)
    return statistics.median(ts) * 1e3


net = torchvision.models.vgg16()
net.eval()
x = torch.rand(1, 3, 224, 224)
with torch.no_grad():
    fwd = timed(lambda: net(x), 2, 7)
net.train()
xs = torch.rand(8, 3, 32, 32)
ys = torch.randint(0, 1000, (8,))
opt = torch.optim.SGD(net.parameters(), lr=0.01)
loss_fn = torch.nn.CrossEntropyLoss()


def step():
    loss = loss_fn(net(xs), ys)
    opt.zero_grad()
    loss.backward()
    opt.step()


train = timed(step, 2, 7)
print(json.dumps({"peer": f"pytorch {torch.__version__}", "threads": a.threads, "forward_224_ms": round(fwd, 2),
                  "train_step_8x32_ms": round(train, 2)}))
