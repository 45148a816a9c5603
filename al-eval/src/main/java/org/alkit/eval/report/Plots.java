package org.alkit.eval.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.alkit.eval.matrix.CellSummary;
import org.alkit.eval.matrix.Stat;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts (XChart): learning curves with mean ± std bands over seeds, and pick histograms. */
final class Plots {
  static final int WIDTH = 900;
  static final int HEIGHT = 560;

  /** Colours that stay apart for up to twelve strategies (Tableau 10 and two more). */
  private static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
      new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
      new Color(0x9C755F), new Color(0xBAB0AC), new Color(0x1F3A5F), new Color(0x8CD17D)};

  private Plots() {}

  /**
   * A learning curve of every cell given, each a mean line over a band of ± one standard
   * deviation over its seeds.
   *
   * @param metric which accuracy of a curve point to draw
   */
  static byte[] learningCurves(String title, String yTitle, List<CellSummary> cells,
      Function<CellSummary.CurvePoint, Stat> metric) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("labeled items")
        .yAxisTitle(yTitle).build();
    chart.getStyler().setPlotGridLinesVisible(true).setYAxisDecimalPattern("0.00");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE).setChartBackgroundColor(Color.WHITE);
    for (int k = 0; k < cells.size(); k++) {
      CellSummary cell = cells.get(k);
      List<Double> x = new ArrayList<>();
      List<Double> mean = new ArrayList<>();
      List<Double> low = new ArrayList<>();
      List<Double> high = new ArrayList<>();
      for (CellSummary.CurvePoint p : cell.curve()) {
        Stat s = metric.apply(p);
        if (s.n() > 0) {
          x.add(p.labeled());
          mean.add(s.mean());
          low.add(s.mean() - s.std());
          high.add(s.mean() + s.std());
        }
      }
      if (x.isEmpty()) {
        continue;
      }
      Color color = PALETTE[k % PALETTE.length];
      List<Double> bandX = new ArrayList<>(x);
      List<Double> bandY = new ArrayList<>(high);
      for (int i = x.size() - 1; i >= 0; i--) {
        bandX.add(x.get(i));
        bandY.add(low.get(i));
      }
      XYSeries band = chart.addSeries(cell.cell().strategy() + " ± std", bandX, bandY);
      band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
      band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
      band.setLineColor(new Color(0, 0, 0, 0));
      band.setMarker(SeriesMarkers.NONE);
      band.setShowInLegend(false);
      XYSeries line = chart.addSeries(cell.cell().strategy(), x, mean);
      line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      line.setLineColor(color);
      line.setMarkerColor(color);
      line.setMarker(SeriesMarkers.CIRCLE);
    }
    return png(chart);
  }

  /** The mean number of picks of each class in a run, over the seeds, each bar under its class's name. */
  static byte[] picksPerClass(String title, CellSummary cell, IntFunction<String> className) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("class").yAxisTitle("picks per run (mean over seeds)").build();
    chart.getStyler().setXAxisLabelRotation(30);
    chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
    double[] picks = cell.picksPerClass();
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int c = 0; c < picks.length; c++) {
      names.add(className.apply(c));
      values.add(picks[c]);
    }
    if (names.isEmpty()) {
      names.add("none");
      values.add(0.0);
    }
    chart.addSeries("picks", names, values).setFillColor(PALETTE[0]);
    return png(chart);
  }

  private static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a chart as PNG failed: " + e.getMessage(), e);
    }
  }
}
