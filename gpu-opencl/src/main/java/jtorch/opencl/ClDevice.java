package jtorch.opencl;

/** One OpenCL device as found by the provider: its platform, handle, name and capabilities. */
record ClDevice(int index, long platform, long id, String name, boolean fp64, long maxWorkGroup) {
    static ClDevice query(OpenCL cl, int index, long platform, long id) {
        String ext = cl.deviceString(id, OpenCL.DEVICE_EXTENSIONS);
        return new ClDevice(index, platform, id, cl.deviceString(id, OpenCL.DEVICE_NAME), ext.contains("cl_khr_fp64"),
                cl.deviceLong(id, OpenCL.DEVICE_MAX_WORK_GROUP_SIZE));
    }
}
