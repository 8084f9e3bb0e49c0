package jtorch.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jtorch.tensor.Backends;
import jtorch.tensor.Device;
import org.junit.jupiter.api.Test;

/** Error-code names, build logs, the missing-library path, the provider's registration and the kernel cache. */
class BindingsTest {

    @Test
    void everyStandardErrorCodeHasItsName() {
        assertEquals("CL_SUCCESS", CLException.name(0));
        assertEquals("CL_DEVICE_NOT_FOUND", CLException.name(-1));
        assertEquals("CL_BUILD_PROGRAM_FAILURE", CLException.name(-11));
        assertEquals("CL_KERNEL_ARG_INFO_NOT_AVAILABLE", CLException.name(-19));
        assertEquals("CL_INVALID_VALUE", CLException.name(-30));
        assertEquals("CL_INVALID_KERNEL_ARGS", CLException.name(-52));
        assertEquals("CL_INVALID_BUFFER_SIZE", CLException.name(-61));
        assertEquals("CL_MAX_SIZE_RESTRICTION_EXCEEDED", CLException.name(-72));
        assertEquals("CL_UNKNOWN_ERROR", CLException.name(-25));
        assertEquals("CL_UNKNOWN_ERROR", CLException.name(-1001));
        for (int c = -72; c <= 0; c++) {
            if (c > -20 || c <= -30) {
                assertTrue(CLException.name(c).startsWith("CL_") && !CLException.name(c).equals("CL_UNKNOWN_ERROR"),
                        "code " + c);
            }
        }
        CLException e = new CLException("clCreateBuffer", -61);
        assertEquals("clCreateBuffer failed: CL_INVALID_BUFFER_SIZE (-61)", e.getMessage());
    }

    @Test
    void missingLibraryMeansNoDevicesAndAClearReason() {
        OpenCLProvider p = new OpenCLProvider("libOpenCL-does-not-exist.so.1");
        assertEquals(List.of(), p.devices());
        String why = p.unavailableReason();
        assertNotNull(why);
        assertTrue(why.contains("libOpenCL-does-not-exist.so.1 not found"), why);
        assertTrue(why.contains("install ocl-icd-libopencl1 and a driver such as pocl-opencl-icd"), why);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.backend(Device.of("opencl", 0)));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void providerIsRegisteredAndListsItsDevices() {
        OpenCLBackend be = Parity.backend();
        assertTrue(Backends.devices().contains(Device.of("opencl", 0)), Backends.devices().toString());
        assertEquals(Device.of("opencl", 0), be.device());
        assertTrue(be.name().startsWith("opencl:0 ("), be.name());
        assertTrue(Backends.forDevice(Device.of("opencl", 0)) == be);
    }

    @Test
    void buildFailureCarriesTheBuildLog() {
        OpenCLBackend be = Parity.backend();
        CLException e = assertThrows(CLException.class, () -> be.cl().buildProgram(contextOf(be), be.info().id(),
                "__kernel void broken(__global float* x) { x[0] = undefined_name; }", ""));
        assertEquals(-11, e.code());
        assertTrue(e.getMessage().contains("CL_BUILD_PROGRAM_FAILURE"), e.getMessage());
        assertTrue(e.getMessage().contains("undefined_name"), e.getMessage());
    }

    @Test
    void programsAreBuiltOncePerContext() {
        OpenCLBackend be = Parity.backend();
        jtorch.tensor.NdArray x = jtorch.tensor.NdArray.wrap(new float[] {1, 2, 3}, 3).toDevice(be);
        jtorch.tensor.NdArray y = jtorch.tensor.NdArray.zeros(be, jtorch.tensor.DType.FLOAT32, 3);
        be.unary(jtorch.simd.UnaryOp.NEG, x, y);
        int built = be.programCount();
        for (int i = 0; i < 5; i++) {
            be.unary(jtorch.simd.UnaryOp.EXP, x, y);
        }
        assertEquals(built, be.programCount());
    }

    @Test
    void float64IsRejectedClearlyWithoutFp64() {
        OpenCLBackend be = Parity.backend();
        if (be.info().fp64()) {
            be.checkDtype(jtorch.tensor.DType.FLOAT64);
            return;
        }
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> be.checkDtype(jtorch.tensor.DType.FLOAT64));
        assertTrue(e.getMessage().startsWith("float64 is not supported on this OpenCL device"));
    }

    private static long contextOf(OpenCLBackend be) {
        return be.context();
    }
}
