"""Round trips of state dicts between jtorch and torchvision (run by TorchvisionRoundTripTest).

usage: python3 torchvision_roundtrip.py DIR NAME...

For each NAME (a torchvision.models builder, or 'seed_cnn': the seed chapter's CIFAR-10 network), with
DIR/NAME.input.pth the batch jtorch ran (a tensor jtorch saved):
  1. reads DIR/NAME.jtorch.pth (jtorch's state dict) with torch.load(weights_only=True), loads it strictly into
     a fresh model and writes its eval-mode output on the input to DIR/NAME.jtorch_out.pth;
  2. builds the model under torch.manual_seed(0), runs one no-grad training-mode pass (so batch norm's running
     statistics are not their initial 0 and 1), saves state_dict() to DIR/NAME.torch.pth with torch.save and
     writes its eval-mode output to DIR/NAME.torch_out.pth.
Prints one line per model with its timings.
"""
import collections
import sys
import time

import torch
import torch.nn as nn
import torchvision


class NeuralNetwork(nn.Module):
    """The seed's CIFAR-10 network (seed/java/TrainCifar.java, jtorch.vision.cli.SeedCnn(3, 32, 10))."""

    def __init__(self):
        super().__init__()
        self.model1 = nn.Sequential(
            nn.Conv2d(3, 32, 5, 1, 2), nn.MaxPool2d(2),
            nn.Conv2d(32, 32, 5, 1, 2), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 5, 1, 2), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1024, 64), nn.Linear(64, 10))

    def forward(self, x):
        return self.model1(x)


def build(name):
    if name == "seed_cnn":
        return NeuralNetwork()
    return torchvision.models.get_model(name)


def main():
    out_dir, names = sys.argv[1], sys.argv[2:]
    torch.set_num_threads(2)
    for name in names:
        t0 = time.time()
        x = torch.load(f"{out_dir}/{name}.input.pth", weights_only=True)
        assert isinstance(x, torch.Tensor) and x.dtype == torch.float32, type(x)

        sd = torch.load(f"{out_dir}/{name}.jtorch.pth", weights_only=True)
        assert isinstance(sd, collections.OrderedDict), type(sd)
        model = build(name)
        model.load_state_dict(sd, strict=True)
        model.eval()
        with torch.no_grad():
            torch.save(model(x).contiguous(), f"{out_dir}/{name}.jtorch_out.pth")
        t1 = time.time()

        torch.manual_seed(0)
        model = build(name)
        if name.startswith("vit"):
            # torchvision zero-initialises ViT's head, which would make every output 0 (the Java side does the same)
            nn.init.normal_(model.heads.head.weight, std=0.02)
        with torch.no_grad():
            if not name.startswith("vit"):
                model.train()
                model(x)
            model.eval()
            torch.save(model.state_dict(), f"{out_dir}/{name}.torch.pth")
            torch.save(model(x).contiguous(), f"{out_dir}/{name}.torch_out.pth")
        print(f"{name}: jtorch->torch {t1 - t0:.2f}s, torch->jtorch {time.time() - t1:.2f}s", flush=True)


if __name__ == "__main__":
    main()
