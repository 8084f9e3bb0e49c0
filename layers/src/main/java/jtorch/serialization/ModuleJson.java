package jtorch.serialization;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON subset of {@code jtorch_module.json}: objects, arrays, strings, integers ({@code Long}),
 * other numbers ({@code Double}), booleans and null. The parser is depth-limited, and
 * any malformation is an {@link IOException} with the position.
 */
final class ModuleJson {
    private static final int MAX_DEPTH = 64;

    private final String s;
    private int pos;

    private ModuleJson(String s) {
        this.s = s;
    }

    static Object parse(String text) throws IOException {
        ModuleJson p = new ModuleJson(text);
        Object v = p.value(0);
        p.space();
        if (p.pos != text.length()) {
            throw p.error("trailing characters");
        }
        return v;
    }

    static String write(Object v) {
        StringBuilder sb = new StringBuilder();
        write(v, sb);
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb) {
        switch (v) {
            case null -> sb.append("null");
            case String str -> quote(str, sb);
            case Boolean b -> sb.append(b);
            case Integer i -> sb.append(i);
            case Long l -> sb.append(l);
            case Float f -> sb.append(Double.toString(f));
            case Double d -> sb.append(d);
            case int[] a -> {
                List<Object> l = new ArrayList<>();
                for (int x : a) {
                    l.add(x);
                }
                write(l, sb);
            }
            case List<?> l -> {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    sb.append(i > 0 ? ", " : "");
                    write(l.get(i), sb);
                }
                sb.append(']');
            }
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    sb.append(first ? "" : ", ");
                    first = false;
                    quote(String.valueOf(e.getKey()), sb);
                    sb.append(": ");
                    write(e.getValue(), sb);
                }
                sb.append('}');
            }
            default -> throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " in a module config");
        }
    }

    private static void quote(String str, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    // ---------------------------------------------------------------- parsing

    private Object value(int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        space();
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(pos);
        if (c == '{') {
            return object(depth);
        }
        if (c == '[') {
            return array(depth);
        }
        if (c == '"') {
            return string();
        }
        if (s.startsWith("true", pos) || s.startsWith("false", pos) || s.startsWith("null", pos)) {
            String word = s.startsWith("true", pos) ? "true" : s.startsWith("false", pos) ? "false" : "null";
            pos += word.length();
            return word.equals("null") ? null : Boolean.valueOf(word);
        }
        return number();
    }

    private Map<String, Object> object(int depth) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        space();
        if (peek() == '}') {
            pos++;
            return m;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            String k = string();
            space();
            expect(':');
            m.put(k, value(depth + 1));
            space();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect('}');
            return m;
        }
    }

    private List<Object> array(int depth) throws IOException {
        List<Object> l = new ArrayList<>();
        pos++;
        space();
        if (peek() == ']') {
            pos++;
            return l;
        }
        while (true) {
            l.add(value(depth + 1));
            space();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect(']');
            return l;
        }
    }

    private String string() throws IOException {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw error("unterminated escape");
            }
            char e = s.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw error("truncated \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("invalid \\u escape");
                    }
                    pos += 4;
                }
                default -> sb.append(e);
            }
        }
    }

    private Object number() throws IOException {
        int start = pos;
        while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        String t = s.substring(start, pos);
        try {
            if (t.matches("-?[0-9]{1,18}")) {
                return Long.parseLong(t);
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error("invalid value");
        }
    }

    private void space() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private char peek() throws IOException {
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(pos);
    }

    private void expect(char c) throws IOException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IOException error(String what) {
        return new IOException("invalid jtorch_module.json at character " + pos + ": " + what);
    }
}
