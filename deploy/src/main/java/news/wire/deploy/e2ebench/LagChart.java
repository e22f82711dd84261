package news.wire.deploy.e2ebench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The run as one PNG: articles posted and made searchable per second on the left axis, the backlog (accepted, not yet
 * searchable) and the enrich and indexer consumer lag on the right. Drawn headless, no display needed.
 */
final class LagChart {

    private LagChart() {
    }

    static void write(Path file, List<Sample> samples, String title) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeries offered = new XYSeries("offered /s");
        XYSeries posted = new XYSeries("posted /s");
        XYSeries searchable = new XYSeries("searchable /s");
        XYSeries backlog = new XYSeries("not yet searchable");
        XYSeries enrichLag = new XYSeries("enrich lag");
        XYSeries indexerLag = new XYSeries("indexer lag");
        for (Sample s : samples) {
            offered.add(s.second(), s.offeredRate());
            posted.add(s.second(), s.posted());
            searchable.add(s.second(), s.searchable());
            backlog.add(s.second(), s.backlog());
            enrichLag.add(s.second(), Double.isNaN(s.enrichLag()) ? null : s.enrichLag());
            indexerLag.add(s.second(), Double.isNaN(s.indexerLag()) ? null : s.indexerLag());
        }
        XYSeriesCollection rates = new XYSeriesCollection();
        rates.addSeries(offered);
        rates.addSeries(posted);
        rates.addSeries(searchable);
        XYSeriesCollection queues = new XYSeriesCollection();
        queues.addSeries(backlog);
        queues.addSeries(enrichLag);
        queues.addSeries(indexerLag);

        JFreeChart chart = ChartFactory.createXYLineChart(title, "seconds", "articles per second", rates,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setRenderer(0, new XYLineAndShapeRenderer(true, false));
        NumberAxis records = new NumberAxis("articles queued");
        plot.setRangeAxis(1, records);
        plot.setDataset(1, queues);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new XYLineAndShapeRenderer(true, false));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1400, 700);
    }
}
