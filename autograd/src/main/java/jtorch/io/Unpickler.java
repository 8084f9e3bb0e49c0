package jtorch.io;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safe reader of Python pickles (protocols 0 to 5): it builds plain Java values and calls only the
 * globals on its {@link PickleGlobals} allow-list, like PyTorch's {@code weights_only} unpickler.
 *
 * <p>Python values map to: dict → {@link LinkedHashMap}, list → {@link ArrayList}, tuple → {@link PyTuple},
 * str → {@link String}, bytes → {@code byte[]}, int → {@link Long} ({@link BigInteger} when larger),
 * float → {@link Double}, None → null, bool → {@link Boolean}. Python 2 strings ({@code STRING},
 * {@code BINSTRING}, {@code SHORT_BINSTRING}) decode as Latin-1, as Python 3's
 * {@code pickle.load(f, encoding='latin1')} does. Dict keys must be hashable scalars (str, int, float,
 * bool, None) or tuples of them.
 *
 * <p>Reading a CIFAR-10 batch of torchvision's {@code cifar-10-batches-py} (a Python 2 pickle of a dict with
 * a numpy {@code uint8} array):
 * {@snippet :
 * byte[] bytes = Files.readAllBytes(root.resolve("cifar-10-batches-py/data_batch_1"));
 * Map<?, ?> batch = (Map<?, ?>) new Unpickler(bytes, PickleGlobals.numpy()).load();
 * NumpyArray data = (NumpyArray) batch.get("data");       // dtype "|u1", shape [10000, 3072]
 * List<?> labels = (List<?>) batch.get("labels");         // Long values 0..9
 * }
 *
 * <p>Untrusted input: every malformation (an unknown opcode, a truncated stream, a stack underflow, a memo
 * miss, an unhashable key, a refused global) is an {@link UnpicklingException} with the byte position
 * and the reason. Nothing is allocated beyond what the input's length justifies: every length is
 * checked against the bytes left, every opcode consumes at least one byte, and the reader never
 * recurses, so deep nesting cannot overflow the Java stack.
 *
 * @see <a href="https://github.com/python/cpython/blob/main/Lib/pickletools.py">pickletools: the opcodes</a>
 */
public final class Unpickler {
    /** Longest decimal text for {@code INT}/{@code LONG}: Python's own default limit, which keeps parsing linear. */
    private static final int MAX_DIGITS = 4300;
    /** Deepest tuple nesting accepted in a dict key (hashing recurses). */
    private static final int MAX_KEY_DEPTH = 16;

    private static final Object MARK = new Object() {
        @Override
        public String toString() {
            return "MARK";
        }
    };

    private final byte[] in;
    private final PickleGlobals globals;
    private final PersistentLoader persistentLoader;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private int pos;
    private int opPos;

    /** An unpickler over {@code data} that allows only {@code globals} and has no persistent ids. */
    public Unpickler(byte[] data, PickleGlobals globals) {
        this(data, globals, null);
    }

    /**
     * @param data the whole pickle
     * @param globals the allow-list
     * @param persistentLoader resolves {@code PERSID}/{@code BINPERSID}; null refuses them
     */
    public Unpickler(byte[] data, PickleGlobals globals, PersistentLoader persistentLoader) {
        this.in = data;
        this.globals = globals;
        this.persistentLoader = persistentLoader;
    }

    /**
     * Runs the pickle to its {@code STOP} and returns the value it built.
     *
     * @throws UnpicklingException for any malformed stream or refused global
     */
    public Object load() throws UnpicklingException {
        try {
            while (true) {
                opPos = pos;
                int op = u8();
                if (op == '.') {
                    Object result = pop();
                    if (!stack.isEmpty() || !marks.isEmpty()) {
                        throw error("STOP with " + stack.size() + " values left on the stack");
                    }
                    return result;
                }
                step(op);
            }
        } catch (jtorch.tensor.AllocationLimitException e) {
            throw e;   // the configured cap, not a malformed stream
        } catch (RuntimeException e) {
            // NOTE: a handler or a Java collection may throw on odd input; the documented error is ours
            throw new UnpicklingException(opPos, "cannot apply opcode: " + e);
        }
    }

    private void step(int op) throws UnpicklingException {
        switch (op) {
            case 0x80 -> proto();
            case 0x95 -> skip(8);   // FRAME: a length hint only
            case '(' -> marks.add(stack.size());
            case '0' -> pop();
            case '1' -> popMark();
            case '2' -> push(peek());
            case 'N' -> push(null);
            case 0x88 -> push(Boolean.TRUE);
            case 0x89 -> push(Boolean.FALSE);
            case 'I' -> push(parseInt(line()));
            case 'L' -> push(parseLong(line()));
            case 'J' -> push((long) i32());
            case 'K' -> push((long) u8());
            case 'M' -> push((long) (u8() | (u8() << 8)));
            case 0x8a -> push(littleEndianInt(u8()));
            case 0x8b -> push(littleEndianInt(length(i32())));
            case 'F' -> push(parseFloat(line()));
            case 'G' -> push(Double.longBitsToDouble(bigEndian64()));
            case 'S' -> push(quotedString(line()));
            case 'T' -> push(latin1(length(i32())));
            case 'U' -> push(latin1(u8()));
            case 'V' -> push(rawUnicodeEscape(line()));
            case 'X' -> push(utf8(length(i32())));
            case 0x8c -> push(utf8(u8()));
            case 0x8d -> push(utf8(length(i64())));
            case 'B' -> push(bytes(length(i32())));
            case 'C' -> push(bytes(u8()));
            case 0x8e, 0x96 -> push(bytes(length(i64())));
            case ']' -> push(new ArrayList<>());
            case 'l' -> push(new ArrayList<>(popMark()));
            case 'a' -> append(pop());
            case 'e' -> appends(popMark());
            case ')' -> push(PyTuple.of());
            case 't' -> push(PyTuple.copyOf(popMark()));
            case 0x85 -> push(PyTuple.of(pop()));
            case 0x86 -> tupleN(2);
            case 0x87 -> tupleN(3);
            case '}' -> push(new LinkedHashMap<>());
            case 'd' -> push(dictOf(popMark()));
            case 's' -> setItem();
            case 'u' -> setItems(popMark());
            case 'c' -> push(globals.resolve(opPos, line(), line()));
            case 0x93 -> stackGlobal();
            case 'R' -> reduce();
            case 0x81 -> reduce();   // NEWOBJ: cls.__new__(cls, *args) is the same call for our handlers
            case 'b' -> build();
            case 'P' -> push(persistent(line()));
            case 'Q' -> push(persistent(pop()));
            case 'g' -> push(memoGet(parseMemoIndex(line())));
            case 'h' -> push(memoGet(u8()));
            case 'j' -> push(memoGet(u32()));
            case 'p' -> memoPut(parseMemoIndex(line()));
            case 'q' -> memoPut(u8());
            case 'r' -> memoPut(u32());
            case 0x94 -> memoPut(memo.size());
            default -> throw error(opName(op) + " is not supported");
        }
    }

    // ---------------------------------------------------------------- opcodes

    private void proto() throws UnpicklingException {
        int version = u8();
        if (version > 5) {
            throw error("unsupported pickle protocol: " + version);
        }
    }

    private void tupleN(int n) throws UnpicklingException {
        Object[] items = new Object[n];
        for (int i = n - 1; i >= 0; i--) {
            items[i] = pop();
        }
        push(PyTuple.of(items));
    }

    private void append(Object value) throws UnpicklingException {
        list(peek()).add(value);
    }

    private void appends(List<Object> values) throws UnpicklingException {
        list(peek()).addAll(values);
    }

    private LinkedHashMap<Object, Object> dictOf(List<Object> items) throws UnpicklingException {
        LinkedHashMap<Object, Object> d = new LinkedHashMap<>();
        putPairs(d, items);
        return d;
    }

    private void setItem() throws UnpicklingException {
        Object value = pop();
        Object key = pop();
        checkKey(key, 0);
        dict(peek()).put(key, value);
    }

    private void setItems(List<Object> items) throws UnpicklingException {
        putPairs(dict(peek()), items);
    }

    private void putPairs(Map<Object, Object> d, List<Object> items) throws UnpicklingException {
        if (items.size() % 2 != 0) {
            throw error("odd number of items (" + items.size() + ") for a dict");
        }
        for (int i = 0; i < items.size(); i += 2) {
            checkKey(items.get(i), 0);
            d.put(items.get(i), items.get(i + 1));
        }
    }

    private void stackGlobal() throws UnpicklingException {
        Object name = pop();
        Object module = pop();
        if (!(module instanceof String m) || !(name instanceof String n)) {
            throw error("STACK_GLOBAL needs two strings, got " + typeName(module) + " and " + typeName(name));
        }
        push(globals.resolve(opPos, m, n));
    }

    private void reduce() throws UnpicklingException {
        Object args = pop();
        Object callable = pop();
        if (!(args instanceof PyTuple tuple)) {
            throw error("the arguments of a call must be a tuple, got " + typeName(args));
        }
        if (!(callable instanceof PyCallable f)) {
            throw error(typeName(callable) + " is not callable");
        }
        push(f.call(tuple));
    }

    private void build() throws UnpicklingException {
        Object state = pop();
        Object target = pop();
        if (target instanceof PyBuildable b) {
            push(b.setState(state));
        } else if (target instanceof Map<?, ?> && (state instanceof Map<?, ?> || state == null)) {
            // TORCH: a state dict's OrderedDict carries `_metadata` (module versions) as an attribute; a plain
            // Java map has no attributes, so the state is dropped
            push(target);
        } else {
            throw error("cannot BUILD a " + typeName(target) + " from a " + typeName(state));
        }
    }

    private Object persistent(Object pid) throws UnpicklingException {
        if (persistentLoader == null) {
            throw error("a persistent id was found, but this unpickler resolves none");
        }
        return persistentLoader.load(pid);
    }

    private Object memoGet(long index) throws UnpicklingException {
        if (!memo.containsKey(index)) {
            throw error("memo key " + index + " was never stored");
        }
        return memo.get(index);
    }

    private void memoPut(long index) throws UnpicklingException {
        memo.put(index, peek());
    }

    // ---------------------------------------------------------------- the stack

    private void push(Object v) {
        stack.add(v);
    }

    private Object pop() throws UnpicklingException {
        int floor = marks.isEmpty() ? 0 : marks.getLast();
        if (stack.size() <= floor) {
            throw error("stack underflow");
        }
        return stack.removeLast();
    }

    private Object peek() throws UnpicklingException {
        int floor = marks.isEmpty() ? 0 : marks.getLast();
        if (stack.size() <= floor) {
            throw error("stack underflow");
        }
        return stack.getLast();
    }

    /** Pops everything above the last MARK, and the mark. */
    private List<Object> popMark() throws UnpicklingException {
        if (marks.isEmpty()) {
            throw error("no MARK on the stack");
        }
        int start = marks.removeLast();
        List<Object> top = new ArrayList<>(stack.subList(start, stack.size()));
        stack.subList(start, stack.size()).clear();
        return top;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object v) throws UnpicklingException {
        if (!(v instanceof ArrayList<?>)) {
            throw error("APPEND needs a list, got " + typeName(v));
        }
        return (List<Object>) v;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict(Object v) throws UnpicklingException {
        if (!(v instanceof LinkedHashMap<?, ?>)) {
            throw error("SETITEM needs a dict, got " + typeName(v));
        }
        return (Map<Object, Object>) v;
    }

    /** Python refuses unhashable keys; we also refuse bytes (a Java array hashes by identity). */
    private void checkKey(Object key, int depth) throws UnpicklingException {
        if (key == null || key instanceof String || key instanceof Long || key instanceof BigInteger
                || key instanceof Double || key instanceof Boolean) {
            return;
        }
        if (key instanceof PyTuple t && depth < MAX_KEY_DEPTH) {
            for (Object item : t) {
                checkKey(item, depth + 1);
            }
            return;
        }
        throw error("unsupported dict key of type " + typeName(key));
    }

    // ---------------------------------------------------------------- reading bytes

    private UnpicklingException error(String reason) {
        return new UnpicklingException(opPos, reason);
    }

    private void need(long n) throws UnpicklingException {
        if (n < 0 || n > in.length - pos) {
            throw error("unexpected end of data: needs " + n + " bytes, " + (in.length - pos) + " left (truncated?)");
        }
    }

    private void skip(int n) throws UnpicklingException {
        need(n);
        pos += n;
    }

    private int u8() throws UnpicklingException {
        need(1);
        return in[pos++] & 0xff;
    }

    private int i32() throws UnpicklingException {
        need(4);
        int v = (in[pos] & 0xff) | (in[pos + 1] & 0xff) << 8 | (in[pos + 2] & 0xff) << 16 | (in[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    private long u32() throws UnpicklingException {
        return i32() & 0xffffffffL;
    }

    private long i64() throws UnpicklingException {
        long lo = u32();
        long hi = u32();
        return lo | hi << 32;
    }

    private long bigEndian64() throws UnpicklingException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (in[pos++] & 0xff);
        }
        return v;
    }

    /** A length read from the stream, checked against the bytes left before anything is allocated. */
    private int length(long n) throws UnpicklingException {
        need(n);
        return (int) n;
    }

    private byte[] bytes(int n) throws UnpicklingException {
        need(n);
        byte[] b = Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return b;
    }

    private String latin1(int n) throws UnpicklingException {
        return new String(bytes(n), StandardCharsets.ISO_8859_1);
    }

    private String utf8(int n) throws UnpicklingException {
        byte[] b = bytes(n);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            throw error("a string is not valid UTF-8");
        }
    }

    /** The text up to the next newline (protocol 0 arguments), as Latin-1. */
    private String line() throws UnpicklingException {
        int start = pos;
        while (pos < in.length && in[pos] != '\n') {
            pos++;
        }
        if (pos >= in.length) {
            throw error("unexpected end of data in a text argument (truncated?)");
        }
        String s = new String(in, start, pos - start, StandardCharsets.ISO_8859_1);
        pos++;
        return s;
    }

    // ---------------------------------------------------------------- text and number arguments

    private Object parseInt(String s) throws UnpicklingException {
        // protocol 0 spells booleans as INT 01 and 00
        if (s.equals("01")) {
            return Boolean.TRUE;
        }
        if (s.equals("00")) {
            return Boolean.FALSE;
        }
        return parseLong(s);
    }

    private Object parseLong(String text) throws UnpicklingException {
        String s = text.endsWith("L") ? text.substring(0, text.length() - 1) : text;
        if (s.length() > MAX_DIGITS || !s.matches("[+-]?[0-9]+")) {
            throw error("invalid integer literal");
        }
        BigInteger v = new BigInteger(s);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private Object littleEndianInt(int n) throws UnpicklingException {
        byte[] le = bytes(n);
        if (n == 0) {
            return 0L;
        }
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) {
            be[i] = le[n - 1 - i];
        }
        BigInteger v = new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private double parseFloat(String s) throws UnpicklingException {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw error("invalid float literal");
        }
    }

    private long parseMemoIndex(String s) throws UnpicklingException {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            throw error("invalid memo index");
        }
        return Long.parseLong(s);
    }

    /** Protocol 0's {@code STRING 'text'}: Python 2 repr escapes, as Latin-1. */
    private String quotedString(String s) throws UnpicklingException {
        if (s.length() < 2 || (s.charAt(0) != '\'' && s.charAt(0) != '"') || s.charAt(s.length() - 1) != s.charAt(0)) {
            throw error("the STRING opcode argument must be quoted");
        }
        String body = s.substring(1, s.length() - 1);
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i >= body.length()) {
                throw error("a STRING ends in a backslash");
            }
            char e = body.charAt(i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '\\', '\'', '"' -> sb.append(e);
                case 'x' -> {
                    sb.append((char) hex(body, i + 1, 2));
                    i += 2;
                }
                default -> sb.append('\\').append(e);
            }
        }
        return sb.toString();
    }

    /** Protocol 0's {@code UNICODE}: raw-unicode-escape (only {@code \\uXXXX} and {@code \\UXXXXXXXX} are escapes). */
    private String rawUnicodeEscape(String s) throws UnpicklingException {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U')) {
                int digits = s.charAt(i + 1) == 'u' ? 4 : 8;
                int cp = hex(s, i + 2, digits);
                if (!Character.isValidCodePoint(cp)) {
                    throw error("invalid code point in a UNICODE string");
                }
                sb.appendCodePoint(cp);
                i += 1 + digits;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private int hex(String s, int start, int digits) throws UnpicklingException {
        if (start + digits > s.length()) {
            throw error("truncated escape sequence");
        }
        int v = 0;
        for (int i = start; i < start + digits; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                throw error("invalid escape sequence");
            }
            v = v << 4 | d;
        }
        return v;
    }

    // ---------------------------------------------------------------- names for messages

    static String typeName(Object v) {
        return switch (v) {
            case null -> "None";
            case String s -> "str";
            case Long l -> "int";
            case BigInteger b -> "int";
            case Double d -> "float";
            case Boolean b -> "bool";
            case byte[] b -> "bytes";
            case PyTuple t -> "tuple";
            case ArrayList<?> l -> "list";
            case LinkedHashMap<?, ?> m -> "dict";
            default -> v == MARK ? "MARK" : v.getClass().getSimpleName();
        };
    }

    private static String opName(int op) {
        return switch (op) {
            case 'i' -> "opcode INST";
            case 'o' -> "opcode OBJ";
            case 0x82, 0x83, 0x84 -> "opcode EXT";
            case 0x8f, 0x90, 0x91 -> "opcode for sets";
            case 0x92 -> "opcode NEWOBJ_EX";
            case 0x97 -> "opcode NEXT_BUFFER";
            case 0x98 -> "opcode READONLY_BUFFER";
            default -> "opcode 0x" + Integer.toHexString(op);
        };
    }
}
