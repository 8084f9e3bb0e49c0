package jtorch.vision;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The harness of the bad-input catalogues: one row is a description, an action, the exception type it must
 * throw and a fragment of its message (PyTorch's wording where PyTorch has one). {@link #check} fails on the
 * exceptions a user must never see: {@code ArrayIndexOutOfBoundsException} (any {@code IndexOutOfBounds}),
 * {@code NullPointerException}, {@code ClassCastException}, {@code NegativeArraySizeException},
 * {@code ArithmeticException} from integer division, and any {@code Error}.
 */
public final class BadInput {
    private BadInput() {}

    /** The action of a row: anything that may throw. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** One row of a catalogue; {@code expected == null} means the action must succeed (an edge case that is valid). */
    public record Case(String description, Action action, Class<? extends Throwable> expected, String fragment) {}

    /** Rows built up by a catalogue. */
    public static final class Table {
        private final List<Case> rows = new ArrayList<>();
        private final String area;

        public Table(String area) {
            this.area = area;
        }

        public Table add(String description, Class<? extends Throwable> expected, String fragment, Action action) {
            rows.add(new Case(area + ": " + description, action, expected, fragment));
            return this;
        }

        public int size() {
            return rows.size();
        }

        public Stream<Arguments> arguments() {
            return rows.stream().map(c -> Arguments.of(Named.of(c.description(), c)));
        }
    }

    // NOTE: a plain IndexOutOfBoundsException is allowed (it is PyTorch's IndexError: "Dimension out of range",
    // "index 5 is out of bounds"); only the raw array and string flavours are forbidden.
    private static final List<Class<? extends Throwable>> FORBIDDEN = List.of(ArrayIndexOutOfBoundsException.class,
            StringIndexOutOfBoundsException.class,
            NullPointerException.class, ClassCastException.class, NegativeArraySizeException.class,
            ArrayStoreException.class, Error.class);

    /** Runs the row's action and checks what it threw. */
    public static void check(Case c) {
        Throwable thrown = null;
        try {
            c.action().run();
        } catch (Throwable t) {
            thrown = t;
        }
        if (c.expected() == null) {
            if (thrown != null) {
                throw new AssertionError(c.description() + ": expected to succeed, but threw " + thrown, thrown);
            }
            return;
        }
        if (thrown == null) {
            fail(c.description() + ": expected " + c.expected().getSimpleName() + " containing '" + c.fragment()
                    + "', but nothing was thrown");
        }
        for (Class<? extends Throwable> bad : FORBIDDEN) {
            if (bad.isInstance(thrown) && !bad.isAssignableFrom(c.expected())) {
                throw new AssertionError(c.description() + ": a raw " + thrown.getClass().getName()
                        + " escaped to the user: " + thrown.getMessage(), thrown);
            }
        }
        if (thrown instanceof ArithmeticException && String.valueOf(thrown.getMessage()).contains("/ by zero")) {
            throw new AssertionError(c.description() + ": a raw integer division by zero escaped", thrown);
        }
        if (!c.expected().isInstance(thrown)) {
            throw new AssertionError(c.description() + ": expected " + c.expected().getName() + " but got "
                    + thrown.getClass().getName() + ": " + thrown.getMessage(), thrown);
        }
        if (thrown.getMessage() == null || !thrown.getMessage().contains(c.fragment())) {
            throw new AssertionError(c.description() + ": expected the message to contain '" + c.fragment()
                    + "', got " + thrown.getClass().getSimpleName() + ": " + thrown.getMessage(), thrown);
        }
    }
}
