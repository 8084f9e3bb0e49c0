/**
 * Kernels on {@code float[]} and {@code double[]} with offsets, lengths and leading dimensions.
 *
 * <p>Each kernel family has a Vector API body and a scalar twin; the scalar twin is the test oracle and
 * the fallback when {@code jdk.incubator.vector} is absent or {@code -Djtorch.simd=false} is given.
 * Nothing here knows about tensors or autograd.
 */
package jtorch.simd;
