package jtorch.tensor;

/**
 * An allocation refused because it exceeds {@code -Djtorch.maxAllocBytes} (see {@link Storage#checkAllocation}).
 * Its own type so that readers which turn other runtime failures into "malformed file" errors let it through
 * unchanged: the file may be fine, the cap is what stopped it.
 */
public final class AllocationLimitException extends IllegalStateException {
    public AllocationLimitException(String message) {
        super(message);
    }
}
