package jtorch.tensor.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A small strict JSON (RFC 8259) parser and string quoter, enough for safetensors headers; jtorch has no
 * runtime dependencies.
 *
 * <p>Values map to Java as: object → {@link LinkedHashMap} (key order kept), array → {@link List}, string →
 * {@link String}, number → {@link Num} (its literal, converted by the caller, so no precision is lost and no
 * {@code NumberFormatException} can escape), {@code true}/{@code false} → {@link Boolean}, {@code null} →
 * {@link #NULL}.
 *
 * <p>NOTE: the input is untrusted. Duplicate keys are rejected (readers disagree on which one wins) and
 * nesting is capped so that a header of a million {@code [} cannot overflow the stack. Every error is an
 * {@link IOException} that says what was expected and at which character offset.
 */
final class Json {
    /** A JSON number, kept as its literal text. */
    record Num(String text) {}

    /** The JSON {@code null} value (a Java null would be ambiguous with "missing"). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Deeper nesting than any safetensors header needs (which is 3). */
    static final int MAX_DEPTH = 64;

    private final String s;
    private int pos;

    private Json(String s) {
        this.s = s;
    }

    /** Parses one JSON value; only whitespace may surround it. */
    static Object parse(String text) throws IOException {
        Json p = new Json(text);
        p.skipWhitespace();
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("unexpected " + p.describeNext() + " after the end of the JSON value");
        }
        return value;
    }

    /** A JSON string literal for {@code value}, with quotes, backslashes and control characters escaped. */
    static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2);
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
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
        return sb.toString();
    }

    private Object value(int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= s.length()) {
            throw error("unexpected end of JSON, expected a value");
        }
        char c = s.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("expected a JSON value but found " + describeNext());
            }
        };
    }

    private LinkedHashMap<String, Object> object(int depth) throws IOException {
        pos++;   // '{'
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek('}')) {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (!peek('"')) {
                throw error("expected a string key but found " + describeNext());
            }
            int keyStart = pos;
            String key = string();
            skipWhitespace();
            expect(':', "after object key");
            skipWhitespace();
            Object v = value(depth + 1);
            if (map.containsKey(key)) {
                throw new IOException("duplicate key " + quote(key) + " at offset " + keyStart);
            }
            map.put(key, v);
            skipWhitespace();
            if (peek(',')) {
                pos++;
                continue;
            }
            expect('}', "or ',' in object");
            return map;
        }
    }

    private List<Object> array(int depth) throws IOException {
        pos++;   // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek(']')) {
            pos++;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth + 1));
            skipWhitespace();
            if (peek(',')) {
                pos++;
                continue;
            }
            expect(']', "or ',' in array");
            return list;
        }
    }

    private String string() throws IOException {
        int start = pos;
        pos++;   // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw new IOException("unterminated string starting at offset " + start);
            }
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("unescaped control character U+" + String.format("%04X", (int) c) + " in string");
            }
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            pos++;
            if (pos >= s.length()) {
                throw new IOException("unterminated string starting at offset " + start);
            }
            char e = s.charAt(pos);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(unicodeEscape());
                default -> throw error("invalid escape '\\" + e + "' in string");
            }
            pos++;
        }
    }

    /** The four hex digits after {@code \\u}; leaves {@code pos} on the last digit. */
    private char unicodeEscape() throws IOException {
        if (pos + 4 >= s.length()) {
            throw error("truncated \\u escape in string");
        }
        int code = 0;
        for (int i = 1; i <= 4; i++) {
            int digit = Character.digit(s.charAt(pos + i), 16);
            if (digit < 0) {
                throw error("invalid \\u escape in string: expected 4 hex digits");
            }
            code = code * 16 + digit;
        }
        pos += 4;
        return (char) code;
    }

    /** RFC 8259's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
    private Num number() throws IOException {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        if (peek('0')) {
            pos++;
        } else if (!digits()) {
            throw error("expected a digit in number");
        }
        if (peek('.')) {
            pos++;
            if (!digits()) {
                throw error("expected a digit after the decimal point");
            }
        }
        if (peek('e') || peek('E')) {
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            if (!digits()) {
                throw error("expected a digit in the exponent");
            }
        }
        return new Num(s.substring(start, pos));
    }

    /** Consumes [0-9]+; false when there is no digit. */
    private boolean digits() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private Object literal(String word, Object value) throws IOException {
        if (!s.startsWith(word, pos)) {
            throw error("expected a JSON value but found " + describeNext());
        }
        pos += word.length();
        return value;
    }

    private void expect(char c, String context) throws IOException {
        if (!peek(c)) {
            throw error("expected '" + c + "' " + context + " but found " + describeNext());
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describeNext() {
        if (pos >= s.length()) {
            return "the end of the text";
        }
        char c = s.charAt(pos);
        if (c < 0x20 || c == 0x7f) {
            return "character U+" + String.format("%04X", (int) c);
        }
        return "'" + c + "'";
    }

    private IOException error(String message) {
        return new IOException(message + " at offset " + pos);
    }
}
