/**
 * The {@code similar} strategy (Kothawade, Beck, Killamsetty &amp; Iyer 2021, "SIMILAR: Submodular
 * Information Measures Based Active Learning In Realistic Scenarios", NeurIPS). Not exported:
 * published through {@link org.alkit.api.StrategyProvider}.
 */
package org.alkit.submodular.similar;
