package jtorch.tensor;

import java.util.Objects;

/**
 * Where a tensor's storage lives: the CPU (the default) or a device of an accelerator backend, e.g.
 * {@code opencl:0}. Mirrors {@code torch.device}; printing follows PyTorch ({@code cpu}, {@code opencl:0}).
 */
public final class Device {
    private static final Device CPU = new Device("cpu", -1);

    private final String type;
    private final int index;

    private Device(String type, int index) {
        this.type = type;
        this.index = index;
    }

    /** The host CPU. */
    public static Device cpu() {
        return CPU;
    }

    /** The first OpenCL device ({@code opencl:0}); using it needs the gpu-opencl module and a driver. */
    public static Device opencl() {
        return of("opencl", 0);
    }

    /** The OpenCL device with this index, in the order {@code Torch.devices()} lists them. */
    public static Device opencl(int index) {
        return of("opencl", index);
    }

    /** A device of the named backend type ({@code "opencl"}) with its index. */
    public static Device of(String type, int index) {
        Objects.requireNonNull(type, "type");
        if ("cpu".equals(type)) {
            return CPU;
        }
        if (index < 0) {
            throw new IllegalArgumentException("Device index must not be negative, but got " + index);
        }
        return new Device(type, index);
    }

    public String type() {
        return type;
    }

    /** The device index, or -1 for the CPU. */
    public int index() {
        return index;
    }

    public boolean isCpu() {
        return this == CPU || "cpu".equals(type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device d && d.type.equals(type) && d.index == index;
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + index;
    }

    @Override
    public String toString() {
        return index < 0 ? type : type + ":" + index;
    }
}
