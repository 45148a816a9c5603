package org.alkit.runtime.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * A Jazzer fuzz test of a parser: regression runs replay its inputs directory; a fuzzing run
 * ({@code JAZZER_FUZZ=1}) stops after 10⁶ executions or two hours; any input taking more than ten
 * seconds is a hang.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Timeout(value = 10, unit = TimeUnit.SECONDS)
@FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
public @interface ParserFuzzTest {}
