package jtorch.simd;

/** Transposes between planar (NCHW) image rows and channels-last (NHWC) pixels, for {@link DirectConv}. */
interface ChannelsLastKernels {
    /**
     * {@code dst[dOff + (q + (q / rowLen)·rowGap)·ld + c] = src[sOff + c·plane + q]} for {@code q < count},
     * {@code c < ch}: pixels of planar rows {@code rowLen} wide go to channels-last rows with {@code rowGap} pixels
     * (the padding) between them.
     */
    void toChannelsLast(float[] src, int sOff, int plane, int count, int ch, float[] dst, int dOff, int ld, int rowLen,
                        int rowGap);

    /**
     * {@code dst[dOff + c·plane + q] (+)= src[sOff + q·ld + c] + bias[biasOff + c]} for {@code q < count},
     * {@code c < ch} (no bias when {@code bias} is null), overwriting unless {@code accumulate}: {@code count} pixels
     * of each of {@code ch} planes {@code plane} floats apart (a whole image when {@code count == plane}).
     */
    void fromChannelsLast(float[] src, int sOff, int ld, int ch, int count, int plane, float[] bias, int biasOff,
                          boolean accumulate, float[] dst, int dOff);
}
