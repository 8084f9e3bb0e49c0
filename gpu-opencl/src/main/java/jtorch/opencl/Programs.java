package jtorch.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The kernel cache of one context: each .cl resource is compiled once per set of build options (the
 * element types) on first use, and each kernel object created once. Callers hold the backend's lock.
 */
final class Programs {
    private final OpenCL cl;
    private final long context;
    private final long device;
    private final Map<String, Long> programs = new HashMap<>();
    private final Map<String, Long> kernels = new HashMap<>();
    private final Map<String, String> sources = new HashMap<>();

    Programs(OpenCL cl, long context, long device) {
        this.cl = cl;
        this.context = context;
        this.device = device;
    }

    /** The kernel {@code name} of resource {@code file} built with {@code options}. */
    long kernel(String file, String options, String name) {
        String key = file + "|" + options + "|" + name;
        Long k = kernels.get(key);
        if (k == null) {
            k = cl.createKernel(program(file, options), name);
            kernels.put(key, k);
        }
        return k;
    }

    private long program(String file, String options) {
        String key = file + "|" + options;
        Long p = programs.get(key);
        if (p == null) {
            String src = source("common.cl") + "\n" + source(file);
            p = cl.buildProgram(context, device, src, options);
            programs.put(key, p);
        }
        return p;
    }

    /** The number of programs built so far (tests check that the cache works). */
    int programCount() {
        return programs.size();
    }

    private String source(String file) {
        return sources.computeIfAbsent(file, Programs::load);
    }

    static String load(String file) {
        try (InputStream in = Programs.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing kernel resource jtorch/opencl/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
