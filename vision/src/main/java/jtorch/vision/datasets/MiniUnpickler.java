package jtorch.vision.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal, defensive unpickler for the files CIFAR's pickle layout holds (pickle protocols 2 to 4):
 * dicts, lists, tuples, ints, None/bools, byte strings and text (byte strings are decoded as latin-1, as
 * torchvision's {@code pickle.load(f, encoding="latin1")}), and numpy uint8 arrays built by
 * {@code numpy.core.multiarray._reconstruct}, {@code numpy.ndarray} and {@code numpy.dtype}. Any other
 * global, opcode or malformed length is an error naming the file and offset; nothing is ever
 * instantiated by name.
 */
final class MiniUnpickler {
    /** A decoded numpy array: dtype string (e.g. "u1"), shape and the raw C-order bytes. */
    record NdArray(String dtype, int[] shape, byte[] data) {}

    /** A numpy global we allow, standing for itself on the stack. */
    private record Global(String name) {}

    /** {@code numpy.dtype(...)} after REDUCE; BUILD checks its byte-order state. */
    private record DType(String name) {}

    /** An ndarray made by {@code _reconstruct}, filled in by BUILD. */
    private static final class PendingArray {
        NdArray built;
    }

    private static final Object MARK = new Object();
    private static final int MAX_DEPTH = 1 << 20;

    private final byte[] b;
    private final String file;
    private int pos;
    private final ArrayList<Object> stack = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    MiniUnpickler(byte[] bytes, String file) {
        this.b = bytes;
        this.file = file;
    }

    static String typeName(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName();
    }

    Object load() throws IOException {
        while (true) {
            int at = pos;
            int op = u8();
            switch (op) {
                case 0x80 -> u8();                                      // PROTO
                case 0x95 -> skip(8);                                   // FRAME (protocol 4)
                case '}' -> push(new LinkedHashMap<Object, Object>());  // EMPTY_DICT
                case ']' -> push(new ArrayList<>());                    // EMPTY_LIST
                case ')' -> push(List.of());                            // EMPTY_TUPLE
                case '(' -> push(MARK);
                case 'N' -> push(null);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'K' -> push((long) u8());                          // BININT1
                case 'M' -> push((long) (u8() | u8() << 8));            // BININT2
                case 'J' -> push((long) i32());                         // BININT
                case 0x8a -> push(long1(at));                           // LONG1
                case 'U' -> push(latin1(u8(), at));                     // SHORT_BINSTRING
                case 'T' -> push(latin1(len32(at), at));                // BINSTRING
                case 'C' -> push(latin1(u8(), at));                     // SHORT_BINBYTES
                case 'B' -> push(latin1(len32(at), at));                // BINBYTES
                case 0x8c -> push(utf8(u8(), at));                      // SHORT_BINUNICODE
                case 'X' -> push(utf8(len32(at), at));                  // BINUNICODE
                case 'q' -> memo.put((long) u8(), peek(at));            // BINPUT
                case 'r' -> memo.put((long) len32(at), peek(at));       // LONG_BINPUT
                case 0x94 -> memo.put((long) memo.size(), peek(at));    // MEMOIZE
                case 'h' -> push(memoGet(u8(), at));                    // BINGET
                case 'j' -> push(memoGet(len32(at), at));               // LONG_BINGET
                case 'a' -> append(at);
                case 'e' -> appends(at);
                case 's' -> setitem(at);
                case 'u' -> setitems(at);
                case 't' -> push(frozen(popMark(at)));
                case 0x85 -> push(tuple(1, at));
                case 0x86 -> push(tuple(2, at));
                case 0x87 -> push(tuple(3, at));
                case 'c' -> push(global(line(at) + "." + line(at), at));
                case 0x93 -> stackGlobal(at);
                case 'R' -> reduce(at);
                case 'b' -> build(at);
                case '.' -> {
                    if (stack.size() != 1) {
                        throw error(at, "STOP with " + stack.size() + " items on the stack");
                    }
                    return finish(stack.get(0));
                }
                default -> throw error(at, String.format("unsupported pickle opcode 0x%02x", op));
            }
        }
    }

    // ---------------------------------------------------------------- opcodes with logic

    private void append(int at) throws IOException {
        Object v = pop(at);
        listAt(stack.size() - 1, at).add(v);
    }

    private void appends(int at) throws IOException {
        List<Object> items = popMark(at);
        listAt(stack.size() - 1, at).addAll(items);
    }

    private void setitem(int at) throws IOException {
        Object v = pop(at);
        Object k = pop(at);
        dictAt(at).put(k, v);
    }

    private void setitems(int at) throws IOException {
        List<Object> items = popMark(at);
        if (items.size() % 2 != 0) {
            throw error(at, "SETITEMS with an odd number of items");
        }
        Map<Object, Object> d = dictAt(at);
        for (int i = 0; i < items.size(); i += 2) {
            d.put(items.get(i), items.get(i + 1));
        }
    }

    private void stackGlobal(int at) throws IOException {
        Object name = pop(at);
        Object module = pop(at);
        if (!(module instanceof String m) || !(name instanceof String n)) {
            throw error(at, "STACK_GLOBAL needs two strings");
        }
        push(global(m + "." + n, at));
    }

    private Global global(String name, int at) throws IOException {
        return switch (name) {
            case "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct",
                    "numpy.ndarray", "numpy.dtype", "_codecs.encode" -> new Global(name);
            default -> throw error(at, "global '" + name + "' is not allowed (only numpy arrays of uint8 are read)");
        };
    }

    private void reduce(int at) throws IOException {
        Object args = pop(at);
        Object fn = pop(at);
        if (!(fn instanceof Global g) || !(args instanceof List<?> a)) {
            throw error(at, "REDUCE of " + typeName(fn) + " is not allowed");
        }
        switch (g.name()) {
            case "numpy.dtype" -> {
                if (a.isEmpty() || !(a.get(0) instanceof String dt)) {
                    throw error(at, "numpy.dtype without a type name");
                }
                push(new DType(dt));
            }
            case "_codecs.encode" -> {
                if (a.size() != 2 || !(a.get(0) instanceof String s) || !"latin1".equals(a.get(1))) {
                    throw error(at, "_codecs.encode is allowed only as encode(str, 'latin1')");
                }
                push(s);   // bytes and latin-1 text are the same Java string here
            }
            case "numpy.ndarray" -> throw error(at, "numpy.ndarray called directly");
            default -> {
                if (a.isEmpty() || !(a.get(0) instanceof Global cls) || !cls.name().equals("numpy.ndarray")) {
                    throw error(at, "_reconstruct is allowed only for numpy.ndarray");
                }
                push(new PendingArray());
            }
        }
    }

    private void build(int at) throws IOException {
        Object state = pop(at);
        Object target = peek(at);
        if (target instanceof DType) {
            // numpy dtype state: (version, byteorder, ...); uint8 has no byte order ('|')
            if (!(state instanceof List<?> s) || s.size() < 2 || !("|".equals(s.get(1)) || "<".equals(s.get(1)))) {
                throw error(at, "unsupported dtype state " + state);
            }
            return;
        }
        if (!(target instanceof PendingArray p) || p.built != null) {
            throw error(at, "BUILD on " + typeName(target) + " is not allowed");
        }
        // ndarray state: (version, shape, dtype, is_fortran, raw bytes)
        if (!(state instanceof List<?> s) || s.size() != 5 || !(s.get(1) instanceof List<?> shapeList)
                || !(s.get(2) instanceof DType dt) || !(s.get(4) instanceof String raw)) {
            throw error(at, "unsupported ndarray state");
        }
        if (Boolean.TRUE.equals(s.get(3))) {
            throw error(at, "Fortran-order arrays are not supported");
        }
        if (!dt.name().equals("u1")) {
            throw error(at, "only uint8 arrays are supported, got dtype " + dt.name());
        }
        int[] shape = new int[shapeList.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeList.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                throw error(at, "bad array shape " + shapeList);
            }
            shape[i] = (int) (long) d;
            numel *= d;
        }
        if (numel != raw.length()) {
            throw error(at, "array of shape " + Arrays.toString(shape) + " needs " + numel + " bytes, the pickle holds " + raw.length());
        }
        p.built = new NdArray("u1", shape, raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Replaces built arrays in the result tree (arrays are only in the top dict's values). */
    private Object finish(Object root) throws IOException {
        if (root instanceof Map<?, ?> d) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : d.entrySet()) {
                Object v = e.getValue();
                if (v instanceof PendingArray p) {
                    if (p.built == null) {
                        throw error(pos, "array '" + e.getKey() + "' was never built");
                    }
                    v = p.built;
                }
                out.put(e.getKey(), v);
            }
            return out;
        }
        return root;
    }

    // ---------------------------------------------------------------- the stack

    private void push(Object o) throws IOException {
        if (stack.size() >= MAX_DEPTH) {
            throw error(pos, "pickle stack too deep");
        }
        stack.add(o);
    }

    private Object pop(int at) throws IOException {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw error(at, "stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek(int at) throws IOException {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw error(at, "stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark(int at) throws IOException {
        int m = stack.lastIndexOf(MARK);
        if (m < 0) {
            throw error(at, "no MARK on the stack");
        }
        List<Object> items = new ArrayList<>(stack.subList(m + 1, stack.size()));
        stack.subList(m, stack.size()).clear();
        return items;
    }

    private static List<Object> frozen(List<Object> items) {
        List<Object> out = new ArrayList<>(items.size());
        out.addAll(items);
        return java.util.Collections.unmodifiableList(out);
    }

    private List<Object> tuple(int n, int at) throws IOException {
        Object[] items = new Object[n];
        for (int i = n - 1; i >= 0; i--) {
            items[i] = pop(at);
        }
        return java.util.Collections.unmodifiableList(Arrays.asList(items));
    }

    @SuppressWarnings("unchecked")
    private List<Object> listAt(int index, int at) throws IOException {
        if (index < 0 || !(stack.get(index) instanceof ArrayList<?> list)) {
            throw error(at, "APPEND to something that is not a list");
        }
        return (List<Object>) list;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictAt(int at) throws IOException {
        Object top = peek(at);
        if (!(top instanceof LinkedHashMap<?, ?> d)) {
            throw error(at, "SETITEM on something that is not a dict");
        }
        return (Map<Object, Object>) d;
    }

    private Object memoGet(long key, int at) throws IOException {
        if (!memo.containsKey(key)) {
            throw error(at, "memo key " + key + " was never stored");
        }
        return memo.get(key);
    }

    // ---------------------------------------------------------------- bytes

    private int u8() throws IOException {
        if (pos >= b.length) {
            throw error(pos, "unexpected end of file");
        }
        return b[pos++] & 0xff;
    }

    private int i32() throws IOException {
        return u8() | u8() << 8 | u8() << 16 | u8() << 24;
    }

    private int len32(int at) throws IOException {
        int n = i32();
        if (n < 0) {
            throw error(at, "negative length " + n);
        }
        return n;
    }

    private void skip(int n) throws IOException {
        need(n, pos);
        pos += n;
    }

    private void need(int n, int at) throws IOException {
        if (n > b.length - pos) {
            throw error(at, "a " + n + "-byte field runs past the end of the file (" + (b.length - pos) + " bytes left)");
        }
    }

    private String latin1(int n, int at) throws IOException {
        need(n, at);
        String s = new String(b, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return s;
    }

    private String utf8(int n, int at) throws IOException {
        need(n, at);
        String s = new String(b, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    private long long1(int at) throws IOException {
        int n = u8();
        if (n > 8) {
            throw error(at, "integer of " + n + " bytes is too large");
        }
        need(n, at);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) (b[pos + i] & 0xff) << (8 * i);
        }
        if (n > 0 && n < 8 && (b[pos + n - 1] & 0x80) != 0) {
            v -= 1L << (8 * n);   // two's complement, little-endian
        }
        pos += n;
        return v;
    }

    private String line(int at) throws IOException {
        int start = pos;
        while (pos < b.length && b[pos] != '\n') {
            if (pos - start > 256) {
                throw error(at, "GLOBAL name too long");
            }
            pos++;
        }
        if (pos >= b.length) {
            throw error(at, "unterminated GLOBAL name");
        }
        String s = new String(b, start, pos - start, StandardCharsets.US_ASCII);
        pos++;
        return s;
    }

    private IOException error(int at, String message) {
        return new IOException(file + ": malformed or unsupported pickle at byte " + at + ": " + message);
    }
}
