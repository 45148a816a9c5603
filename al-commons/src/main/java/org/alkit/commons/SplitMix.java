package org.alkit.commons;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * SplitMix64's output function (Steele, Lea &amp; Flood, "Fast Splittable Pseudorandom Number
 * Generators", OOPSLA 2014; the generator behind {@link java.util.SplittableRandom}): a bijective,
 * well-spread 64-bit hash, used where alkit needs a reproducible value of a key without a
 * generator's state (random priorities, Zobrist set codes).
 */
@API(status = INTERNAL, since = "0.1")
public final class SplitMix {
  /** The golden-ratio increment 2⁶⁴/φ. */
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private SplitMix() {}

  /** mix(z) = finaliser(z + γ): the value SplitMix64 outputs from state z. */
  public static long mix(long z) {
    z += GOLDEN_GAMMA;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
