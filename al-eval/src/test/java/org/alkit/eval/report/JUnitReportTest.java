package org.alkit.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.alkit.eval.matrix.EvalResults;
import org.alkit.eval.matrix.RunKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {
  private static final String MATRIX = """
      name: ci <&> "quoted"
      datasets: [optdigits]
      scenarios: [balanced, "rare-classes:3"]
      strategies: [random, margin]
      seeds: 2
      """;

  @TempDir
  Path dir;

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aTestcasePerCellAndARegressedCellFailsWithTheRegressionLine() throws Exception {
    EvalResults results = Synthetic.results(MATRIX, (scenario, strategy) -> new double[] {0.7, 0.8});
    Baseline.Regression regression =
        new Baseline.Regression(new RunKey.Cell("optdigits", "rare-classes:3", "margin"), 0.8, 0.75, 0.01);
    Path file = dir.resolve("junit.xml");
    JUnitReport.write(results, List.of(regression), file);

    Document doc = parse(Files.readString(file));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("name")).isEqualTo("alkit eval: ci <&> \"quoted\"");
    assertThat(root.getAttribute("tests")).isEqualTo("4");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(2);
    Element rare = (Element) suites.item(1);
    assertThat(rare.getAttribute("name")).isEqualTo("ci <&> \"quoted\".optdigits.rare-classes:3");
    assertThat(rare.getAttribute("failures")).isEqualTo("1");
    NodeList cases = doc.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(4);
    Element margin = (Element) cases.item(3);
    assertThat(margin.getAttribute("name")).isEqualTo("margin");
    assertThat(margin.getAttribute("classname")).isEqualTo(rare.getAttribute("name"));
    assertThat(margin.getAttribute("time")).as("2 runs × (3 ms select + 40 ms fit)").isEqualTo("0.086");
    Element failure = (Element) margin.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo(regression.message())
        .isEqualTo("REGRESSED optdigits / rare-classes:3 / margin: mean AUBC 0.7500, baseline 0.8000 (-0.0500, "
            + "tolerance 0.0100)");
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
    assertThat(margin.getElementsByTagName("system-out").item(0).getTextContent())
        .startsWith("mean AUBC 0.7500 ± 0.0707, final accuracy 0.7500 ± 0.0707 over 2 seeds; vs random T");
  }
}
