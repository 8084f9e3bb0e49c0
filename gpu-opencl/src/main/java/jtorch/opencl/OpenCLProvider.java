package jtorch.opencl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jtorch.tensor.Backend;
import jtorch.tensor.BackendProvider;
import jtorch.tensor.Device;

/**
 * The {@code opencl} device type, found by {@link java.util.ServiceLoader}. Devices are every GPU in platform
 * order, or every CPU-type device when there is no GPU (so pocl serves tests and CI). Nothing here throws when
 * OpenCL is missing: {@link #devices()} is empty and {@link #unavailableReason()} says why.
 *
 * <p>The library name comes from the system property {@code jtorch.opencl.library} (default
 * {@value OpenCL#DEFAULT_LIBRARY}), which also lets tests simulate a machine without OpenCL.
 */
public final class OpenCLProvider implements BackendProvider {
    private final String library;
    private volatile boolean probed;
    private OpenCL cl;
    private List<ClDevice> found = List.of();
    private String reason;
    private final Map<Integer, OpenCLBackend> backends = new ConcurrentHashMap<>();

    public OpenCLProvider() {
        this(System.getProperty("jtorch.opencl.library", OpenCL.DEFAULT_LIBRARY));
    }

    public OpenCLProvider(String library) {
        this.library = library;
    }

    @Override
    public String type() {
        return "opencl";
    }

    /** Loads the library and lists devices once, lazily: ServiceLoader instantiation must stay cheap. */
    private synchronized void probe() {
        if (probed) {
            return;
        }
        try {
            cl = OpenCL.load(library);
            found = listDevices(cl);
            if (found.isEmpty()) {
                reason = "no OpenCL platforms (or no devices on them) found by " + library;
            }
        } catch (RuntimeException e) {
            cl = null;
            found = List.of();
            reason = e.getMessage();
        }
        probed = true;
    }

    private static List<ClDevice> listDevices(OpenCL cl) {
        List<long[]> gpus = new ArrayList<>();
        List<long[]> cpus = new ArrayList<>();
        for (long p : cl.platforms()) {
            for (long d : cl.devices(p, OpenCL.DEVICE_TYPE_GPU)) {
                gpus.add(new long[] {p, d});
            }
            for (long d : cl.devices(p, OpenCL.DEVICE_TYPE_CPU)) {
                cpus.add(new long[] {p, d});
            }
        }
        List<long[]> chosen = gpus.isEmpty() ? cpus : gpus;
        List<ClDevice> out = new ArrayList<>();
        for (long[] pd : chosen) {
            out.add(ClDevice.query(cl, out.size(), pd[0], pd[1]));
        }
        return List.copyOf(out);
    }

    @Override
    public List<Device> devices() {
        probe();
        List<Device> out = new ArrayList<>();
        for (ClDevice d : found) {
            out.add(Device.of("opencl", d.index()));
        }
        return out;
    }

    /** The device names, in index order (for {@code Torch.devices()} listings and logs). */
    public List<String> deviceNames() {
        probe();
        return found.stream().map(ClDevice::name).toList();
    }

    @Override
    public Backend backend(Device device) {
        return openclBackend(device);
    }

    /** The backend of {@code device}, typed, for the training entry points. */
    public OpenCLBackend openclBackend(Device device) {
        probe();
        if (!"opencl".equals(device.type()) || device.index() < 0 || device.index() >= found.size()) {
            throw new IllegalArgumentException("device " + device + " is not available"
                    + (reason == null ? "; present: " + devices() : ": " + reason));
        }
        return backends.computeIfAbsent(device.index(), i -> new OpenCLBackend(cl, found.get(i)));
    }

    @Override
    public String unavailableReason() {
        probe();
        return reason;
    }
}
