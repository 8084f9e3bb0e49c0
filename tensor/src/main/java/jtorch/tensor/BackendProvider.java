package jtorch.tensor;

import java.util.List;

/**
 * A device type's backends, found with {@link java.util.ServiceLoader} (so the tensor core never links to
 * an accelerator module): the OpenCL module provides one; a TornadoVM one could be added the same way.
 */
public interface BackendProvider {
    /** The device type this provider serves, e.g. {@code "opencl"}. */
    String type();

    /** The devices present now (empty when the driver or hardware is missing). */
    List<Device> devices();

    /** The backend of one of {@link #devices()}. */
    Backend backend(Device device);

    /** Why no device is present (for the error when a user asks for one), or null when some are. */
    String unavailableReason();
}
