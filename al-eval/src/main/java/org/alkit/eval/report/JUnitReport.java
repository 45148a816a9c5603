package org.alkit.eval.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.alkit.eval.matrix.CellSummary;
import org.alkit.eval.matrix.EvalResults;
import org.alkit.eval.matrix.RunRecord;
import org.alkit.runtime.AtomicFiles;
import org.apiguardian.api.API;

/**
 * A matrix's cells as a JUnit XML report ({@code alkit eval --junit FILE}), the format CI servers
 * read natively (GitHub Actions through a test-report action, GitLab's {@code artifacts:reports:junit},
 * Jenkins' {@code junit} step): a {@code testsuite} per (data set, scenario), named
 * {@code MATRIX.DATASET.SCENARIO}, and a {@code testcase} per cell, named by its strategy. A cell
 * that regressed against the baseline is a {@code failure} whose message is the line regression
 * mode prints ({@link Baseline.Regression#message()}); every case's {@code system-out} holds its
 * mean AUBC, final accuracy and test against random. A case's time is its runs' selection and fit
 * time, in seconds. Written with the JDK's StAX writer, which escapes every name and value.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JUnitReport {
  private JUnitReport() {}

  /** Writes the report of {@code results} to {@code file}, replacing it atomically. */
  public static void write(EvalResults results, List<Baseline.Regression> regressions, Path file) {
    AtomicFiles.write(file, xml(results, regressions));
  }

  /** The report as XML text. */
  public static String xml(EvalResults results, List<Baseline.Regression> regressions) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("testsuites");
      w.writeAttribute("name", "alkit eval: " + results.matrix().name());
      w.writeAttribute("tests", Integer.toString(results.cells().size()));
      w.writeAttribute("failures", Integer.toString(regressions.size()));
      w.writeAttribute("errors", "0");
      w.writeAttribute("time", seconds(results.runs()));
      for (Map.Entry<List<String>, List<CellSummary>> group : SummaryTable.groups(results).entrySet()) {
        suite(w, results, group.getKey(), group.getValue(), regressions);
      }
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing the JUnit XML report failed: " + e.getMessage(), e);
    }
    return text.toString();
  }

  private static void suite(XMLStreamWriter w, EvalResults results, List<String> group, List<CellSummary> cells,
      List<Baseline.Regression> regressions) throws XMLStreamException {
    String name = results.matrix().name() + "." + group.get(0) + "." + group.get(1);
    List<RunRecord> runs = results.runs().stream()
        .filter(r -> r.key().dataset().equals(group.get(0)) && r.key().scenario().equals(group.get(1))).toList();
    w.writeCharacters("\n  ");
    w.writeStartElement("testsuite");
    w.writeAttribute("name", name);
    w.writeAttribute("tests", Integer.toString(cells.size()));
    w.writeAttribute("failures", Long.toString(cells.stream().filter(c -> regression(c, regressions).isPresent())
        .count()));
    w.writeAttribute("errors", "0");
    w.writeAttribute("skipped", "0");
    w.writeAttribute("time", seconds(runs));
    for (CellSummary cell : cells) {
      w.writeCharacters("\n    ");
      w.writeStartElement("testcase");
      w.writeAttribute("classname", name);
      w.writeAttribute("name", cell.cell().strategy());
      w.writeAttribute("time", seconds(runs.stream()
          .filter(r -> r.key().strategy().equals(cell.cell().strategy())).toList()));
      Optional<Baseline.Regression> regression = regression(cell, regressions);
      if (regression.isPresent()) {
        w.writeCharacters("\n      ");
        w.writeStartElement("failure");
        w.writeAttribute("message", regression.get().message());
        w.writeAttribute("type", "regression");
        w.writeCharacters(regression.get().message());
        w.writeEndElement();
      }
      w.writeCharacters("\n      ");
      w.writeStartElement("system-out");
      w.writeCharacters(String.format(Locale.ROOT, "mean AUBC %s, final accuracy %s over %d seeds; vs random %s",
          cell.aubc().format(4), cell.finalAccuracy().format(4), cell.seeds(),
          SummaryTable.versusRandom(results, cell.cell())));
      w.writeEndElement();
      w.writeCharacters("\n    ");
      w.writeEndElement();
    }
    w.writeCharacters("\n  ");
    w.writeEndElement();
  }

  private static Optional<Baseline.Regression> regression(CellSummary cell, List<Baseline.Regression> regressions) {
    return regressions.stream().filter(r -> r.cell().equals(cell.cell())).findFirst();
  }

  /** The selection and fit time of {@code runs}, in seconds. */
  private static String seconds(List<RunRecord> runs) {
    long millis = runs.stream().flatMap(r -> r.rounds().stream())
        .mapToLong(r -> r.selectMillis() + r.fitMillis()).sum();
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
