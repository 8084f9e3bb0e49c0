package jtorch.io;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;
import jtorch.tensor.NdArray;

/**
 * Writes a pickle (protocol 2) the way {@code torch.save} does for a state dict: a map becomes
 * {@code collections.OrderedDict()} filled by {@code SETITEMS}; a tensor becomes
 * {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, OrderedDict())},
 * its storage a persistent id {@code ('storage', torch.FloatStorage, key, 'cpu', numel)}. Strings,
 * integers, floats, booleans, None, lists and tuples ({@link PyTuple}) are written as plain data.
 */
final class Pickler {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StorageTable storages;

    /** @param storages assigns archive keys to storages (the same key for tensors that share one) */
    Pickler(StorageTable storages) {
        this.storages = storages;
    }

    /** The pickle of {@code value}: PROTO 2, the value, STOP. */
    byte[] dump(Object value) {
        out.reset();
        op(0x80);
        op(2);
        write(value);
        op('.');
        return out.toByteArray();
    }

    private void write(Object v) {
        switch (v) {
            case null -> op('N');
            case Boolean b -> op(b ? 0x88 : 0x89);
            case Integer i -> writeLong(i);
            case Long l -> writeLong(l);
            case BigInteger b -> writeBig(b);
            case Double d -> writeDouble(d);
            case Float f -> writeDouble(f);
            case String s -> writeString(s);
            case Tensor t -> writeTensor(t);
            case PyTuple t -> writeTuple(t);
            case List<?> l -> writeList(l);
            case Map<?, ?> m -> writeDict(m);
            default -> throw new IllegalArgumentException("cannot pickle a " + v.getClass().getName()
                    + "; supported are maps, lists, tuples, tensors, strings, numbers, booleans and null");
        }
    }

    private void writeDict(Map<?, ?> m) {
        global("collections", "OrderedDict");
        op(')');
        op('R');
        if (m.isEmpty()) {
            return;
        }
        op('(');
        for (Map.Entry<?, ?> e : m.entrySet()) {
            write(e.getKey());
            write(e.getValue());
        }
        op('u');
    }

    private void writeList(List<?> l) {
        op(']');
        if (l.isEmpty()) {
            return;
        }
        op('(');
        for (Object item : l) {
            write(item);
        }
        op('e');
    }

    private void writeTuple(List<?> t) {
        switch (t.size()) {
            case 0 -> op(')');
            case 1, 2, 3 -> {
                for (Object item : t) {
                    writeTupleItem(item);
                }
                op(0x84 + t.size());   // TUPLE1, TUPLE2, TUPLE3
            }
            default -> {
                op('(');
                for (Object item : t) {
                    writeTupleItem(item);
                }
                op('t');
            }
        }
    }

    private void writeTensor(Tensor t) {
        NdArray nd = storages.onCpu(t.data());
        global("torch._utils", "_rebuild_tensor_v2");
        op('(');
        writeTuple(PyTuple.of("storage", new Global("torch", TorchStorageType.nameOf(nd.dtype())),
                storages.key(nd), "cpu", (long) nd.storage().size()));
        op('Q');   // BINPERSID
        writeLong(nd.offset());
        writeTuple(ints(nd.shape()));
        writeTuple(ints(nd.strides()));
        op(t.requiresGrad() ? 0x88 : 0x89);
        global("collections", "OrderedDict");
        op(')');
        op('R');
        op('t');
        op('R');
    }

    private static PyTuple ints(int[] a) {
        Object[] items = new Object[a.length];
        for (int i = 0; i < a.length; i++) {
            items[i] = (long) a[i];
        }
        return PyTuple.of(items);
    }

    /** A reference to a global inside a tuple (the storage type in a persistent id). */
    private record Global(String module, String name) {}

    private void writeTupleItem(Object item) {
        if (item instanceof Global g) {
            global(g.module(), g.name());
        } else {
            write(item);
        }
    }

    private void global(String module, String name) {
        op('c');
        bytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void writeLong(long v) {
        if (v >= 0 && v < 256) {
            op('K');
            op((int) v);
        } else if (v >= 0 && v < 65536) {
            op('M');
            op((int) (v & 0xff));
            op((int) (v >>> 8));
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            op('J');
            le((int) v, 4);
        } else {
            writeBig(BigInteger.valueOf(v));
        }
    }

    /** LONG1: the two's-complement bytes, little-endian. */
    private void writeBig(BigInteger v) {
        byte[] be = v.toByteArray();
        if (be.length > 255) {
            throw new IllegalArgumentException("integer too large to pickle: " + v.bitLength() + " bits");
        }
        op(0x8a);
        op(be.length);
        for (int i = be.length - 1; i >= 0; i--) {
            op(be[i] & 0xff);
        }
    }

    private void writeDouble(double d) {
        op('G');
        long bits = Double.doubleToRawLongBits(d);
        for (int shift = 56; shift >= 0; shift -= 8) {
            op((int) (bits >>> shift) & 0xff);
        }
    }

    private void writeString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        le(b.length, 4);
        bytes(b);
    }

    private void le(long v, int n) {
        for (int i = 0; i < n; i++) {
            op((int) (v >>> (8 * i)) & 0xff);
        }
    }

    private void op(int b) {
        out.write(b);
    }

    private void bytes(byte[] b) {
        out.write(b, 0, b.length);
    }
}
