# Sourced by ./alkit and al-bench/reference/train_bench.sh (bash). mkl_preload STATE prints the path of
# the library built from mkl_intel_cpu.c (beside this file) into the folder STATE, building it with
# ${CC:-cc} when it is missing or older than its source, or prints nothing where it does not apply:
# ALKIT_MKL_SHIM=off, a processor that is not x86-64, an Intel processor (MKL picks its kernels
# there by itself), or no working C compiler (then nothing changes but the speed of libtorch's MKL).
mkl_preload() {
  local src shim
  src="$(dirname "${BASH_SOURCE[0]}")/mkl_intel_cpu.c"
  shim="$1/mkl-intel-cpu.so"
  [ "${ALKIT_MKL_SHIM:-on}" != off ] && [ "$(uname -m)" = x86_64 ] && [ -f "$src" ] || return 0
  grep -q -m 1 '^vendor_id[[:space:]]*: GenuineIntel$' /proc/cpuinfo 2>/dev/null && return 0
  if [ ! -f "$shim" ] || [ "$src" -nt "$shim" ]; then
    # built under a name of this process's own, then renamed: a concurrent call never loads half a file
    if "${CC:-cc}" -O2 -shared -fPIC -o "$shim.$$" "$src" >/dev/null 2>&1; then
      mv -f "$shim.$$" "$shim"
    else
      rm -f "$shim.$$" "$shim"
    fi
  fi
  [ -f "$shim" ] && printf '%s\n' "$shim"
  return 0
}
