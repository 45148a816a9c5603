package org.alkit.eval.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alkit.api.InvalidInputException;
import org.alkit.eval.matrix.CellSummary;
import org.alkit.eval.matrix.EvalResults;
import org.alkit.eval.matrix.RunKey;
import org.alkit.runtime.AtomicFiles;
import org.apiguardian.api.API;

/**
 * CI's regression check: each cell's mean AUBC against a stored baseline. A cell regressed when
 * its mean AUBC fell more than {@code tolerance} below the baseline's. Cells the baseline lacks are
 * new (not regressions); baseline cells the matrix no longer has are reported as missing.
 *
 * <pre>{@code
 * {"format": "alkit-eval-baseline", "version": 1, "matrix": "quick", "fingerprint": "…",
 *  "cells": [{"dataset": "optdigits", "scenario": "balanced", "strategy": "margin",
 *             "aubc": 0.8412, "seeds": 3}]}
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Baseline {
  static final String FORMAT = "alkit-eval-baseline";
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private Baseline() {}

  /**
   * A cell whose mean AUBC fell below the baseline's by more than the tolerance.
   *
   * @param cell the cell
   * @param baseline its baseline mean AUBC
   * @param current its mean AUBC now
   */
  public record Regression(RunKey.Cell cell, double baseline, double current, double tolerance) {
    /**
     * The line regression mode prints, e.g. {@code REGRESSED optdigits / balanced / margin: mean
     * AUBC 0.8012, baseline 0.8412 (-0.0400, tolerance 0.0100)}.
     */
    public String message() {
      return String.format(Locale.ROOT, "REGRESSED %s: mean AUBC %.4f, baseline %.4f (%+.4f, tolerance %.4f)", cell,
          current, baseline, current - baseline, tolerance);
    }
  }

  /**
   * The outcome of a comparison.
   *
   * @param regressions cells that regressed
   * @param newCells cells without a baseline
   * @param missingCells baseline cells the results lack
   * @param sameMatrix whether the baseline was recorded for a matrix with the same fingerprint
   */
  public record Comparison(List<Regression> regressions, List<RunKey.Cell> newCells, List<RunKey.Cell> missingCells,
      boolean sameMatrix) {
    /** Copies the lists. */
    public Comparison {
      regressions = List.copyOf(regressions);
      newCells = List.copyOf(newCells);
      missingCells = List.copyOf(missingCells);
    }
  }

  /**
   * Records every cell's mean AUBC of {@code results} in {@code file}, a text file ending with a
   * line break, replacing it atomically.
   */
  public static void write(EvalResults results, Path file) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT).put("version", VERSION).put("matrix", results.matrix().name())
        .put("fingerprint", results.matrix().fingerprint());
    ArrayNode cells = root.putArray("cells");
    for (CellSummary c : results.cells()) {
      cells.addObject().put("dataset", c.cell().dataset()).put("scenario", c.cell().scenario())
          .put("strategy", c.cell().strategy()).put("aubc", c.aubc().mean()).put("seeds", c.seeds());
    }
    try {
      AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("serialising the baseline failed", e);
    }
  }

  /**
   * Compares {@code results} with the baseline in {@code file}.
   *
   * @param tolerance how far a cell's mean AUBC may fall below its baseline, ≥ 0
   * @throws InvalidInputException naming the file if it is missing or not a baseline, or a bad tolerance
   */
  public static Comparison compare(EvalResults results, Path file, double tolerance) {
    return load(file, tolerance).compare(results);
  }

  /**
   * Reads the baseline in {@code file} and checks the tolerance, before a matrix runs: a bad file
   * or tolerance is refused at once and not after the last run.
   *
   * @param tolerance how far a cell's mean AUBC may fall below its baseline, ≥ 0
   * @throws InvalidInputException naming the file if it is missing or not a baseline, or a bad tolerance
   */
  public static Stored load(Path file, double tolerance) {
    checkTolerance(tolerance);
    JsonNode root = read(file);
    Map<RunKey.Cell, Double> cells = new LinkedHashMap<>();
    for (JsonNode c : root.path("cells")) {
      if (!c.path("aubc").isNumber()) {
        throw new InvalidInputException("baseline " + file + ": cell " + c + " has no numeric 'aubc'; expected "
            + "{dataset, scenario, strategy, aubc}");
      }
      cells.put(new RunKey.Cell(c.path("dataset").asText(), c.path("scenario").asText(),
          c.path("strategy").asText()), c.path("aubc").asDouble());
    }
    return new Stored(Collections.unmodifiableMap(cells), root.path("fingerprint").asText(), tolerance);
  }

  /**
   * Checks a tolerance: a value in [0, 1).
   *
   * @throws InvalidInputException naming {@code --tolerance} and the value
   */
  public static void checkTolerance(double tolerance) {
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new InvalidInputException("--tolerance = " + tolerance + "; expected a value in [0, 1)");
    }
  }

  /**
   * A baseline read from its file, with the tolerance to compare under.
   *
   * @param cells each cell's baseline mean AUBC
   * @param fingerprint the fingerprint of the matrix it was recorded for
   * @param tolerance how far a cell's mean AUBC may fall below its baseline
   */
  public record Stored(Map<RunKey.Cell, Double> cells, String fingerprint, double tolerance) {
    /** Compares {@code results} with this baseline. */
    public Comparison compare(EvalResults results) {
      Map<RunKey.Cell, Double> baseline = new LinkedHashMap<>(cells);
      List<Regression> regressions = new ArrayList<>();
      List<RunKey.Cell> fresh = new ArrayList<>();
      for (CellSummary c : results.cells()) {
        Double before = baseline.remove(c.cell());
        if (before == null) {
          fresh.add(c.cell());
        } else if (c.aubc().mean() < before - tolerance || Double.isNaN(c.aubc().mean())) {
          regressions.add(new Regression(c.cell(), before, c.aubc().mean(), tolerance));
        }
      }
      return new Comparison(regressions, fresh, new ArrayList<>(baseline.keySet()),
          fingerprint.equals(results.matrix().fingerprint()));
    }
  }

  private static JsonNode read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("baseline " + file + " does not exist; expected a file written with "
          + "--write-baseline", e);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("baseline " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidInputException("baseline " + file + " cannot be read: " + e.getMessage(), e);
    }
    if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != VERSION) {
      throw new InvalidInputException("baseline " + file + " is not an alkit eval baseline; expected {\"format\": \""
          + FORMAT + "\", \"version\": " + VERSION + ", \"cells\": [...]} as --write-baseline writes it");
    }
    return root;
  }
}
