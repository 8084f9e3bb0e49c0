package jtorch.simd;

/** Reductions and row-wise softmax family; see {@link Reduce} for the semantics of each method. */
interface ReduceKernels {
    float sum(int n, float[] x, int off);

    double sum(int n, double[] x, int off);

    float sumStrided(int n, float[] x, int off, int stride);

    double sumStrided(int n, double[] x, int off, int stride);

    float max(int n, float[] x, int off);

    double max(int n, double[] x, int off);

    float min(int n, float[] x, int off);

    double min(int n, double[] x, int off);

    int argmax(int n, float[] x, int off);

    int argmax(int n, double[] x, int off);

    float dot(int n, float[] a, int aOff, float[] b, int bOff);

    double dot(int n, double[] a, int aOff, double[] b, int bOff);

    void logSumExpRows(int rows, int cols, float[] x, int xOff, int ldx, float[] out, int outOff);

    void logSumExpRows(int rows, int cols, double[] x, int xOff, int ldx, double[] out, int outOff);

    void softmaxRows(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy);

    void softmaxRows(int rows, int cols, double[] x, int xOff, int ldx, double[] y, int yOff, int ldy);

    void logSoftmaxRows(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy);

    void logSoftmaxRows(int rows, int cols, double[] x, int xOff, int ldx, double[] y, int yOff, int ldy);
}
