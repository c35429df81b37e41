package org.hapring.app.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * The report's charts, drawn headless with JFreeChart and written as PNG and SVG (JFreeSVG): latency over
 * time per engine (points, on a log scale when they span decades, the worst value of each time window so that spikes stay
 * visible), throughput
 * bars beside fio's, and capacity bars.
 *
 * <p>Stateless; any thread (each chart is built and drawn by the caller's thread).
 */
public final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH_PIXELS = 1200;
    public static final int HEIGHT_PIXELS = 600;
    private static final int WINDOWS = 250;

    private Charts() {}

    /**
     * One point series per engine: the worst latency in each of up to {@value #WINDOWS} time windows, in
     * microseconds; a log scale when the values span more than 30x, else a linear one.
     */
    public static JFreeChart latencyOverTime(String title, String yLabel, Map<String, LatencyTrace> traces) {
        XYSeriesCollection data = new XYSeriesCollection();
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (Map.Entry<String, LatencyTrace> e : traces.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            double[][] w = e.getValue().maxPerWindow(WINDOWS);
            for (int i = 0; i < w[0].length; i++) {
                double v = Math.max(1.0, w[1][i]);
                s.add(w[0][i], v);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                title, "time since the run started (ms)", yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        NumberFormat whole = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        if (hi > 30 * lo) {
            LogAxis y = new LogAxis(yLabel);
            y.setSmallestValue(1.0);
            y.setNumberFormatOverride(whole);
            plot.setRangeAxis(y);
        } else {
            NumberAxis y = new NumberAxis(yLabel);
            y.setAutoRangeIncludesZero(true);
            y.setNumberFormatOverride(whole);
            plot.setRangeAxis(y);
        }
        // points, not lines: a line would draw a slope across a long tick's window
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setDrawOutlines(false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesShape(i, new Rectangle2D.Double(-1.5, -1.5, 3, 3));
        }
        plot.setRenderer(r);
        style(chart);
        return chart;
    }

    /** Bars per point: hapring's median throughput beside fio's on the same files and pattern. */
    public static JFreeChart throughputVsFio(String title, List<RunRow> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (RunRow w : rows) {
            String category = w.engine() + " x" + w.layers();
            data.addValue(w.throughputGBps(), "hapring", category);
            data.addValue(w.fioGBps(), "fio (same pattern)", category);
        }
        JFreeChart chart = ChartFactory.createBarChart(
                title,
                "engine x layers",
                "GB/s (10^9 bytes per second)",
                data,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        bars(plot);
        style(chart);
        return chart;
    }

    /** Two bars per engine: layers sustained with no drop and with fewer than 1 % dropped. */
    public static JFreeChart capacity(String title, List<BenchReport.CapacityEntry> entries) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BenchReport.CapacityEntry c : entries) {
            String category = c.engine()
                    + (c.cache().equals(c.askedCache()) ? "" : " (" + c.cache() + ")")
                    + (c.cappedAtMax() ? " (>=)" : "");
            data.addValue(c.zeroDropLayers(), "no dropped frame", category);
            data.addValue(c.underOnePercentLayers(), "< 1 % dropped", category);
        }
        JFreeChart chart = ChartFactory.createBarChart(
                title, "engine", "layers", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        bars(plot);
        style(chart);
        return chart;
    }

    /** Writes {@code NAME.png} and {@code NAME.svg} into {@code dir}; returns both paths. */
    public static List<Path> write(JFreeChart chart, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH_PIXELS, HEIGHT_PIXELS);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH_PIXELS, HEIGHT_PIXELS);
        g.setGeomDoubleConverter(v -> String.format(Locale.ROOT, "%.1f", v));
        chart.draw(g, new Rectangle(WIDTH_PIXELS, HEIGHT_PIXELS));
        SVGUtils.writeToSVG(svg.toFile(), g.getSVGElement());
        return List.of(png, svg);
    }

    /** A file-name-safe form of a label ({@code hap_q@1920x1080} -> {@code hap_q-1920x1080}). */
    public static String slug(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-").replaceAll("^-+|-+$", "");
    }

    private static void bars(CategoryPlot plot) {
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.02);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getPlot().setBackgroundPaint(new Color(0xF7F7F7));
    }
}
