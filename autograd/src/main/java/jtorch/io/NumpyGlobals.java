package jtorch.io;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The allow-list entries that rebuild numpy arrays as {@link NumpyArray}s. numpy pickles an array (protocol
 * 2) as {@code numpy.core.multiarray._reconstruct(numpy.ndarray, (0,), b'b')} followed by {@code BUILD} with
 * {@code (version, shape, dtype, is_fortran, raw_bytes)}; a dtype as {@code numpy.dtype('u1', False, True)}
 * followed by {@code BUILD} with {@code (3, byteorder, subdescr, names, fields, elsize, alignment, flags)}.
 * Protocol 5 in-band arrays use {@code numpy.core.numeric._frombuffer(bytes, dtype, shape, order)}. numpy 2
 * spells the module {@code numpy._core}; both are allowed. Object arrays and structured dtypes are refused.
 */
final class NumpyGlobals {
    private NumpyGlobals() {}

    static void register(PickleGlobals g) {
        for (String core : List.of("numpy.core", "numpy._core")) {
            g.allow(core + ".multiarray", "_reconstruct", (PyCallable) args -> new ArrayState());
            g.allow(core + ".numeric", "_frombuffer", (PyCallable) NumpyGlobals::fromBuffer);
        }
        g.allow("numpy", "ndarray", "numpy.ndarray");
        g.allow("numpy", "dtype", (PyCallable) NumpyGlobals::dtype);
        // NOTE: Python 3 writes bytes in protocol 2 as _codecs.encode(latin1_text, 'latin1')
        g.allow("_codecs", "encode", (PyCallable) NumpyGlobals::encodeLatin1);
    }

    private static Object encodeLatin1(PyTuple args) throws UnpicklingException {
        if (args.size() != 2 || !(args.get(0) instanceof String text) || !"latin1".equals(args.get(1))) {
            throw new UnpicklingException("_codecs.encode is allowed only as encode(text, 'latin1')");
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code numpy.dtype(obj, align, copy)}: the byte order comes later, with BUILD. */
    private static Object dtype(PyTuple args) throws UnpicklingException {
        if (args.isEmpty() || !(args.get(0) instanceof String name) || !name.matches("[biufc][1-9][0-9]?")) {
            throw new UnpicklingException("unsupported numpy dtype " + (args.isEmpty() ? "()" : args.get(0)));
        }
        return new DtypeState(name);
    }

    private static Object fromBuffer(PyTuple args) throws UnpicklingException {
        if (args.size() != 4 || !(args.get(1) instanceof String dtype) || !(args.get(2) instanceof PyTuple shape)) {
            throw new UnpicklingException("numpy _frombuffer expects (buffer, dtype, shape, order)");
        }
        return array(dtype, shape, "F".equals(args.get(3)), args.get(0));
    }

    /** A dtype waiting for its BUILD state; the state settles the byte order. */
    private record DtypeState(String name) implements PyBuildable {
        @Override
        public Object setState(Object state) throws UnpicklingException {
            if (!(state instanceof PyTuple t) || t.size() < 2 || !(t.get(1) instanceof String order) || order.length() != 1) {
                throw new UnpicklingException("unsupported numpy dtype state");
            }
            if (t.size() > 3 && t.get(3) != null) {
                throw new UnpicklingException("structured numpy dtypes are not supported");
            }
            String byteOrder = switch (order) {
                case "|", "<", ">" -> order;
                case "=" -> "<";   // NOTE: native order on every machine that wrote these files (x86, ARM)
                default -> throw new UnpicklingException("unsupported numpy byte order '" + order + "'");
            };
            // numpy spells single-byte types with '|' whatever the state says
            return name.endsWith("1") && name.length() == 2 ? "|" + name : byteOrder + name;
        }
    }

    /** An array from {@code _reconstruct}, waiting for its BUILD state. */
    private static final class ArrayState implements PyBuildable {
        @Override
        public Object setState(Object state) throws UnpicklingException {
            if (!(state instanceof PyTuple t) || t.size() != 5 || !(t.get(1) instanceof PyTuple shape)
                    || !(t.get(2) instanceof String dtype) || !(t.get(3) instanceof Boolean fortran)) {
                throw new UnpicklingException("unsupported numpy array state (object arrays are not supported)");
            }
            return array(dtype, shape, fortran, t.get(4));
        }
    }

    private static NumpyArray array(String dtype, PyTuple shapeTuple, boolean fortran, Object raw)
            throws UnpicklingException {
        // Python 2 pickles hold the bytes as a str, which encoding='latin1' maps back to the same bytes
        byte[] data = switch (raw) {
            case byte[] b -> b;
            case String s -> s.getBytes(StandardCharsets.ISO_8859_1);
            case null, default -> throw new UnpicklingException("numpy array data must be bytes, got "
                    + Unpickler.typeName(raw));
        };
        int[] shape = new int[shapeTuple.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeTuple.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                throw new UnpicklingException("invalid numpy shape " + shapeTuple);
            }
            shape[i] = (int) (long) d;
            numel = Math.min(numel * d, Long.MAX_VALUE / 16);
        }
        int itemSize = Integer.parseInt(dtype.substring(2));
        if (numel * itemSize != data.length) {
            throw new UnpicklingException("numpy array of shape " + shapeTuple + " and dtype " + dtype + " needs "
                    + numel * itemSize + " bytes, but holds " + data.length);
        }
        return new NumpyArray(dtype, shape, fortran, data);
    }
}
