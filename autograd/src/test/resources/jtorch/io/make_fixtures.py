"""Makes the hostile and expected fixtures of jtorch.io's tests. Run once with Debian's PyTorch 1.13:
    cd autograd/src/test/resources/jtorch/io && /usr/bin/python3 make_fixtures.py
The *.pth and *_io/expected safetensors beside it are copies of ../shared/reference/pth (made by PyTorch);
cifar_data_batch_1 and data_batch_1_expected_*.npy are copies of ../shared/reference/cifar10-mini."""
import io, json, pickle, struct, zipfile
import numpy as np
import torch


def safetensors(path, tensors):
    """A minimal safetensors writer (the safetensors package is not installed here)."""
    names = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64", torch.bool: "BOOL"}
    header, blobs, offset = {}, [], 0
    for k, t in tensors.items():
        b = t.contiguous().numpy().tobytes()
        header[k] = {"dtype": names[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    h = json.dumps(header).encode()
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


# the state dicts' values, as contiguous copies: what loading each reference .pth must give
for name in ["bn_net_state_dict", "seed_cnn_state_dict"]:
    safetensors(name + "_expected.safetensors", torch.load(name + ".pth", weights_only=True))

# hostile pickles, written byte by byte so the global is exactly the one named (pickling os.system itself
# would write posix.system): each calls its global with one argument
def call(module, name, arg):
    a = arg.encode()
    return b"\x80\x02c" + module.encode() + b"\n" + name.encode() + b"\nX" + struct.pack("<I", len(a)) + a + b"\x85R."

hostile = {
    "refuse_os_system.pkl": call("os", "system", "echo pwned"),
    "refuse_builtins_eval.pkl": call("builtins", "eval", "__import__('os').system('echo pwned')"),
    "refuse_unknown_class.pkl": call("__main__", "NeuralNetwork", "x"),
}
for fname, data in hostile.items():
    with open(fname, "wb") as f:
        f.write(data)

# the same os.system pickle as the data.pkl of an otherwise valid .pth
torch.save({"w": torch.ones(2)}, "tmp.pth")
with zipfile.ZipFile("tmp.pth") as src, zipfile.ZipFile("refuse_os_system.pth", "w", zipfile.ZIP_STORED) as dst:
    for info in src.infolist():
        data = src.read(info.filename)
        if info.filename.endswith("data.pkl"):
            data = hostile["refuse_os_system.pkl"]
        dst.writestr(info.filename, data)
import os
os.remove("tmp.pth")

# a .pth whose storage declares 10^15 elements over a 16-byte record (PyTorch 1.13 accepts this file)
torch.save({"w": torch.ones(4)}, "tmp.pth")
with zipfile.ZipFile("tmp.pth") as src, zipfile.ZipFile("huge_numel.pth", "w", zipfile.ZIP_STORED) as dst:
    for info in src.infolist():
        data = src.read(info.filename)
        if info.filename.endswith("data.pkl"):
            data = data.replace(b"K\x04t", b"\x8a\x07" + (10**15).to_bytes(7, "little") + b"t", 1)
        dst.writestr(info.filename, data)
os.remove("tmp.pth")

# a deflated zip bomb: 64 MiB of zeros (deflate's best ratio, about 1030:1) whose central directory then
# claims 4 GiB - 16, a ratio deflate cannot reach; the pickle asks for 2^32 floats of it
pkl = (b"\x80\x02}X\x01\x00\x00\x00wctorch._utils\n_rebuild_tensor_v2\n((X\x07\x00\x00\x00storagectorch\nFloatStorage\n"
       b"X\x01\x00\x00\x000X\x03\x00\x00\x00cpu\x8a\x05\x00\x00\x00\x00\x01tQK\x00)K\x01\x85\x89ccollections\nOrderedDict\n)RtRs.")
with zipfile.ZipFile("zip_bomb.pth", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("archive/data.pkl", pkl)
    z.writestr("archive/data/0", bytes(64 << 20))
b = bytearray(open("zip_bomb.pth", "rb").read())
cd = b.index(b"PK\x01\x02", b.index(b"PK\x01\x02") + 4)   # the second central header: archive/data/0
b[cd + 24:cd + 28] = (2**32 - 16).to_bytes(4, "little")       # the uncompressed size
open("zip_bomb.pth", "wb").write(bytes(b))

# numpy arrays pickled by Python 3 (protocol 2 writes bytes as _codecs.encode; protocol 5 as _frombuffer)
arrays = {"u8": np.arange(12, dtype=np.uint8).reshape(3, 4), "f4": np.linspace(0, 1, 6, dtype=np.float32).reshape(2, 3),
          "f8_fortran": np.asfortranarray(np.arange(6, dtype=np.float64).reshape(2, 3))}
for proto in (2, 5):
    with open("numpy_protocol%d.pkl" % proto, "wb") as f:
        pickle.dump(arrays, f, protocol=proto)
