/*
 * Preloaded (LD_PRELOAD) into alkit's JVM by ./alkit on x86-64 processors not made by Intel; see
 * mkl-preload.sh beside this file.
 *
 * DJL's libtorch links Intel MKL statically and exports MKL's service functions. MKL asks
 * mkl_serv_intel_cpu_true() whether the processor is Intel's and, when it is not, runs its generic
 * code path ("def": on AMD EPYC, mkl_blas_def_sgemm_kernel_0_zen) whatever instruction sets the
 * processor has. Answering yes lets MKL pick the kernels the processor's instruction sets allow
 * (AVX2, AVX-512: mkl_blas_avx512_sgemm_kernel_0 there). Results may differ in the last bits, as
 * between any two MKL code paths; nothing else changes.
 */
int mkl_serv_intel_cpu_true(void) {
  return 1;
}
