package jtorch.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The registry of backends: the CPU plus whatever {@link BackendProvider}s are on the class path. */
public final class Backends {
    private static volatile List<BackendProvider> providers;

    private Backends() {}

    private static List<BackendProvider> providers() {
        List<BackendProvider> p = providers;
        if (p == null) {
            List<BackendProvider> found = new ArrayList<>();
            ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader()).forEach(found::add);
            providers = p = List.copyOf(found);
        }
        return p;
    }

    /** The backend that owns tensors on {@code device}; a clear error when that device is absent. */
    public static Backend forDevice(Device device) {
        if (device.isCpu()) {
            return CpuBackend.INSTANCE;
        }
        for (BackendProvider p : providers()) {
            if (p.type().equals(device.type())) {
                if (!p.devices().contains(device)) {
                    String why = p.unavailableReason();
                    throw new IllegalArgumentException("device " + device + " is not available"
                            + (why == null ? "; present: " + p.devices() : ": " + why));
                }
                return p.backend(device);
            }
        }
        throw new IllegalArgumentException("no backend for device type '" + device.type()
                + "' (is the jtorch-gpu-opencl module on the class path?)");
    }

    /** Every device present: the CPU first, then each provider's. */
    public static List<Device> devices() {
        List<Device> out = new ArrayList<>();
        out.add(Device.cpu());
        for (BackendProvider p : providers()) {
            out.addAll(p.devices());
        }
        return out;
    }

    /** The provider for a device type, or null. */
    public static BackendProvider provider(String type) {
        for (BackendProvider p : providers()) {
            if (p.type().equals(type)) {
                return p;
            }
        }
        return null;
    }
}
