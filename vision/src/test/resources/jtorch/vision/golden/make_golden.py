# Writes the Resize fixtures in this folder. Run with Debian's python3 (python3-pil 9.4, python3-torch 1.13):
#   /usr/bin/python3 make_golden.py
import numpy as np
from PIL import Image
import torch
import torch.nn.functional as F

rng = np.random.RandomState(0)
x = rng.randint(0, 256, size=(7, 9, 3), dtype=np.uint8)
np.save('resize_in_rgb.npy', x)
for (h, w) in [(4, 5), (13, 11), (7, 4), (3, 9), (20, 30)]:
    y = np.asarray(Image.fromarray(x, 'RGB').resize((w, h), Image.BILINEAR))
    np.save(f'resize_pil_rgb_{h}x{w}.npy', y)
    t = torch.from_numpy(x).permute(2, 0, 1).float().unsqueeze(0) / 255
    z = F.interpolate(t, size=(h, w), mode='bilinear', align_corners=False, antialias=True)[0]
    np.save(f'resize_torch_{h}x{w}.npy', z.numpy().astype(np.float32))
g = rng.randint(0, 256, size=(10, 6), dtype=np.uint8)
np.save('resize_in_l.npy', g)
np.save('resize_pil_l_5x3.npy', np.asarray(Image.fromarray(g, 'L').resize((3, 5), Image.BILINEAR)))
