package city.trace.device.coldchain;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Draws readings as an SVG 1.1 fragment on the server, to be put into a page as it is: no script, no event
 * handlers, no external references, every text escaped. It scales to the width of its container (a 640-wide
 * viewBox with fonts of 12 and more stays readable on a 360 px phone).
 * <ul>
 * <li>Each series is a step line, as the evaluation reads it: a reading holds until the next. Unverified series are
 * dashed and say so in the legend, so the difference does not rest on colour.</li>
 * <li>The allowed band is a green rectangle, each excursion a red shaded interval with a red bar on top.</li>
 * <li>A series of thousands of readings is thinned per column of the plot to its first, lowest, highest and last
 * reading ({@link ColumnDownsampler}), so the file stays small and every spike still shows.</li>
 * <li>Ids (for the title and description the image is labelled by) start with a prefix taken from a hash of the
 * chart's content: two different charts on one page never clash, and the same chart always renders alike.</li>
 * </ul>
 */
public final class ReadingChart {

    /**
     * Everything one chart shows.
     *
     * @param bandMin the allowed band (either side may be null, both for no band)
     * @param excursions shaded as intervals, usually those of {@link ColdChain#evaluate}
     * @param zone the zone the time axis is read in
     */
    public record Chart(List<Series> series, Double bandMin, Double bandMax, List<Excursion> excursions, ZoneId zone,
            Labels labels) {

        public Chart {
            series = List.copyOf(series);
            excursions = List.copyOf(excursions);
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(labels, "labels");
        }
    }

    /** One device's readings (kept in time order), labelled like "Truck thermometer ColdLink-T1". */
    public record Series(String label, boolean verified, List<Sample> samples) {

        public Series {
            Objects.requireNonNull(label, "label");
            samples = samples.stream().sorted(Sample.CHRONOLOGICAL).toList();
        }
    }

    /**
     * The chart's words in the reader's language, given by the caller.
     *
     * @param description the image's description, and the message shown when nothing was measured
     * @param unit written above the temperature axis, such as "°C"
     * @param verified and {@code unverified}: what the legend says of each series
     * @param excursion and {@code band}: the legend's names for the shaded intervals and the allowed range
     */
    public record Labels(String title, String description, String unit, String verified, String unverified,
            String excursion, String band) {

        public Labels {
            Stream.of(title, description, unit, verified, unverified, excursion, band)
                    .forEach(text -> Objects.requireNonNull(text, "labels"));
        }
    }

    private static final int WIDTH = 640;
    private static final int PLOT_LEFT = 56;
    private static final int PLOT_RIGHT = WIDTH - 20;
    private static final int PLOT_HEIGHT = 240;
    private static final int LEGEND_LINE = 20;
    private static final int MAX_Y_TICKS = 7;
    private static final String[] SERIES_COLOURS = { "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#000000" };
    private static final String BAND_COLOUR = "#2e7d32";
    private static final String EXCURSION_COLOUR = "#c62828";
    private static final DateTimeFormatter EXCURSION_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ReadingChart() {
    }

    public static String svg(Chart chart) {
        String ids = idPrefix(chart);
        List<Series> measured = chart.series().stream().filter(series -> !series.samples().isEmpty()).toList();
        if (measured.isEmpty()) {
            return nothingMeasured(chart.labels(), ids);
        }
        Instant from = measured.stream().map(series -> series.samples().getFirst().time()).min(Instant::compareTo).orElseThrow();
        Instant to = measured.stream().map(series -> series.samples().getLast().time()).max(Instant::compareTo).orElseThrow();
        if (!to.isAfter(from)) {
            from = from.minusSeconds(1800);
            to = to.plusSeconds(1800);
        }
        TimeTicks timeTicks = TimeTicks.covering(from, to, chart.zone());
        int legendLines = chart.series().size() + 1;
        int plotTop = 8 + legendLines * LEGEND_LINE + 24;
        int height = plotTop + PLOT_HEIGHT + (timeTicks.withDate() ? 44 : 30);
        Plot plot = new Plot(plotTop, from, to, celsiusTicks(measured, chart));

        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"")
                .append(ids).append("-title ").append(ids).append("-desc\" font-family=\"sans-serif\" font-size=\"12\">\n");
        titleAndDescription(svg, chart.labels(), ids);
        legend(svg, chart);
        band(svg, plot, chart);
        celsiusAxis(svg, plot, chart.labels().unit());
        excursions(svg, plot, chart);
        for (int i = 0; i < chart.series().size(); i++) {
            line(svg, plot, chart.series().get(i), SERIES_COLOURS[i % SERIES_COLOURS.length]);
        }
        timeAxis(svg, plot, timeTicks);
        return svg.append("</svg>\n").toString();
    }

    /** The plot area and its two scales. */
    private record Plot(int top, Instant from, Instant to, CelsiusTicks celsius) {

        int bottom() {
            return top + PLOT_HEIGHT;
        }

        double x(Instant time) {
            double from = ColumnDownsampler.epochSeconds(this.from);
            double share = (ColumnDownsampler.epochSeconds(time) - from) / (ColumnDownsampler.epochSeconds(to) - from);
            return PLOT_LEFT + share * (PLOT_RIGHT - PLOT_LEFT);
        }

        double y(double celsius) {
            double share = (celsius - this.celsius.low()) / (this.celsius.high() - this.celsius.low());
            return bottom() - Math.clamp(share, 0, 1) * PLOT_HEIGHT;
        }
    }

    private static CelsiusTicks celsiusTicks(List<Series> measured, Chart chart) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series series : measured) {
            for (Sample sample : series.samples()) {
                low = Math.min(low, sample.value());
                high = Math.max(high, sample.value());
            }
        }
        for (Double bound : new Double[] { chart.bandMin(), chart.bandMax() }) {
            if (bound != null) {
                low = Math.min(low, bound);
                high = Math.max(high, bound);
            }
        }
        return CelsiusTicks.covering(low, high, MAX_Y_TICKS);
    }

    private static void titleAndDescription(StringBuilder svg, Labels labels, String ids) {
        svg.append("<title id=\"").append(ids).append("-title\">").append(SvgText.escape(labels.title())).append("</title>\n");
        svg.append("<desc id=\"").append(ids).append("-desc\">").append(SvgText.escape(labels.description())).append("</desc>\n");
    }

    private static void legend(StringBuilder svg, Chart chart) {
        svg.append("<g class=\"legend\" font-size=\"13\">\n");
        int y = 8 + LEGEND_LINE / 2;
        for (int i = 0; i < chart.series().size(); i++, y += LEGEND_LINE) {
            Series series = chart.series().get(i);
            svg.append("<line x1=\"8\" x2=\"36\" y1=\"").append(y).append("\" y2=\"").append(y).append("\" stroke=\"")
                    .append(SERIES_COLOURS[i % SERIES_COLOURS.length]).append("\" stroke-width=\"3\"")
                    .append(series.verified() ? "" : " stroke-dasharray=\"6 4\"").append("/>");
            String state = series.verified() ? chart.labels().verified() : chart.labels().unverified();
            svg.append("<text x=\"44\" y=\"").append(y + 4).append("\">").append(SvgText.escape(series.label()))
                    .append(" (").append(SvgText.escape(state)).append(")</text>\n");
        }
        int x = 8;
        if (chart.bandMin() != null || chart.bandMax() != null) {
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(y - 6).append("\" width=\"28\" height=\"12\" fill=\"")
                    .append(BAND_COLOUR).append("\" fill-opacity=\"0.25\"/><text x=\"").append(x + 36).append("\" y=\"")
                    .append(y + 4).append("\">").append(SvgText.escape(chart.labels().band())).append("</text>\n");
            x = 320;
        }
        if (!chart.excursions().isEmpty()) {
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(y - 6).append("\" width=\"28\" height=\"12\" fill=\"")
                    .append(EXCURSION_COLOUR).append("\" fill-opacity=\"0.35\"/><text x=\"").append(x + 36).append("\" y=\"")
                    .append(y + 4).append("\">").append(SvgText.escape(chart.labels().excursion())).append("</text>\n");
        }
        svg.append("</g>\n");
    }

    private static void band(StringBuilder svg, Plot plot, Chart chart) {
        if (chart.bandMin() == null && chart.bandMax() == null) {
            return;
        }
        double top = chart.bandMax() == null ? plot.top() : plot.y(chart.bandMax());
        double bottom = chart.bandMin() == null ? plot.bottom() : plot.y(chart.bandMin());
        svg.append("<rect class=\"band\" x=\"").append(PLOT_LEFT).append("\" y=\"").append(SvgText.coordinate(top))
                .append("\" width=\"").append(PLOT_RIGHT - PLOT_LEFT).append("\" height=\"")
                .append(SvgText.coordinate(bottom - top)).append("\" fill=\"").append(BAND_COLOUR)
                .append("\" fill-opacity=\"0.12\"><title>").append(SvgText.escape(chart.labels().band()))
                .append("</title></rect>\n");
    }

    private static void celsiusAxis(StringBuilder svg, Plot plot, String unit) {
        svg.append("<g class=\"y-axis\" fill=\"#333\">\n<text x=\"8\" y=\"").append(plot.top() - 10).append("\">")
                .append(SvgText.escape(unit)).append("</text>\n");
        for (BigDecimal tick : plot.celsius().values()) {
            String y = SvgText.coordinate(plot.y(tick.doubleValue()));
            svg.append("<line x1=\"").append(PLOT_LEFT).append("\" x2=\"").append(PLOT_RIGHT).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#ddd\"/><text x=\"").append(PLOT_LEFT - 6)
                    .append("\" y=\"").append(SvgText.coordinate(plot.y(tick.doubleValue()) + 4))
                    .append("\" text-anchor=\"end\">").append(plot.celsius().label(tick)).append("</text>\n");
        }
        svg.append("</g>\n");
    }

    private static void excursions(StringBuilder svg, Plot plot, Chart chart) {
        DateTimeFormatter time = EXCURSION_TIME.withZone(chart.zone());
        for (Excursion excursion : chart.excursions()) {
            double left = Math.clamp(plot.x(excursion.start()), PLOT_LEFT, PLOT_RIGHT);
            double right = Math.clamp(plot.x(excursion.end()), PLOT_LEFT, PLOT_RIGHT);
            String x = SvgText.coordinate(Math.min(left, PLOT_RIGHT - 2));
            String width = SvgText.coordinate(Math.max(2, right - left));
            svg.append("<g class=\"excursion\" fill=\"").append(EXCURSION_COLOUR).append("\"><title>")
                    .append(SvgText.escape(chart.labels().excursion())).append(": ").append(time.format(excursion.start()))
                    .append(" – ").append(time.format(excursion.end())).append("</title><rect x=\"").append(x)
                    .append("\" y=\"").append(plot.top()).append("\" width=\"").append(width).append("\" height=\"")
                    .append(PLOT_HEIGHT).append("\" fill-opacity=\"0.15\"/><rect x=\"").append(x).append("\" y=\"")
                    .append(plot.top()).append("\" width=\"").append(width).append("\" height=\"4\"/></g>\n");
        }
    }

    private static void line(StringBuilder svg, Plot plot, Series series, String colour) {
        if (series.samples().isEmpty()) {
            return;
        }
        List<Sample> shown = ColumnDownsampler.keepExtremes(series.samples(), plot.from(), plot.to(), PLOT_RIGHT - PLOT_LEFT);
        String dash = series.verified() ? "" : " stroke-dasharray=\"6 4\"";
        String title = "<title>" + SvgText.escape(series.label()) + "</title>";
        if (shown.size() == 1) {
            Sample only = shown.getFirst();
            svg.append("<circle class=\"series\" cx=\"").append(SvgText.coordinate(plot.x(only.time()))).append("\" cy=\"")
                    .append(SvgText.coordinate(plot.y(only.value()))).append("\" r=\"3\" fill=\"").append(colour)
                    .append("\">").append(title).append("</circle>\n");
            return;
        }
        svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"2\" stroke-linejoin=\"round\"").append(dash).append(" points=\"");
        StepPoints points = new StepPoints(svg);
        for (int i = 0; i < shown.size(); i++) {
            double x = plot.x(shown.get(i).time());
            if (i > 0) {
                points.add(x, plot.y(shown.get(i - 1).value()));
            }
            points.add(x, plot.y(shown.get(i).value()));
        }
        svg.append("\">").append(title).append("</polyline>\n");
    }

    /** Writes polyline points, leaving out a point that rounds to the one before it. */
    private static final class StepPoints {

        private final StringBuilder svg;
        private long lastX = Long.MIN_VALUE;
        private long lastY = Long.MIN_VALUE;

        StepPoints(StringBuilder svg) {
            this.svg = svg;
        }

        void add(double x, double y) {
            long roundedX = Math.round(x * 10);
            long roundedY = Math.round(y * 10);
            if (roundedX == lastX && roundedY == lastY) {
                return;
            }
            if (lastX != Long.MIN_VALUE) {
                svg.append(' ');
            }
            SvgText.appendCoordinate(svg, x);
            svg.append(',');
            SvgText.appendCoordinate(svg, y);
            lastX = roundedX;
            lastY = roundedY;
        }
    }

    private static void timeAxis(StringBuilder svg, Plot plot, TimeTicks ticks) {
        svg.append("<g class=\"x-axis\" fill=\"#333\" text-anchor=\"middle\">\n<line x1=\"").append(PLOT_LEFT)
                .append("\" x2=\"").append(PLOT_RIGHT).append("\" y1=\"").append(plot.bottom()).append("\" y2=\"")
                .append(plot.bottom()).append("\" stroke=\"#666\"/>\n");
        for (Instant tick : ticks.instants()) {
            String x = SvgText.coordinate(plot.x(tick));
            String labelX = SvgText.coordinate(Math.clamp(plot.x(tick), PLOT_LEFT + 16, PLOT_RIGHT - 16));
            svg.append("<line x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"").append(plot.bottom())
                    .append("\" y2=\"").append(plot.bottom() + 5).append("\" stroke=\"#666\"/><text x=\"").append(labelX)
                    .append("\" y=\"").append(plot.bottom() + 18).append("\">").append(ticks.time(tick));
            if (ticks.withDate()) {
                svg.append("<tspan x=\"").append(labelX).append("\" dy=\"14\">").append(ticks.date(tick)).append("</tspan>");
            }
            svg.append("</text>\n");
        }
        svg.append("</g>\n");
    }

    private static String nothingMeasured(Labels labels, String ids) {
        StringBuilder svg = new StringBuilder(512);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(" 64\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"")
                .append(ids).append("-title ").append(ids).append("-desc\" font-family=\"sans-serif\" font-size=\"14\">\n");
        titleAndDescription(svg, labels, ids);
        svg.append("<rect x=\"1\" y=\"1\" width=\"").append(WIDTH - 2)
                .append("\" height=\"62\" fill=\"none\" stroke=\"#ccc\"/>\n<text x=\"").append(WIDTH / 2)
                .append("\" y=\"37\" text-anchor=\"middle\" fill=\"#555\">").append(SvgText.escape(labels.description()))
                .append("</text>\n</svg>\n");
        return svg.toString();
    }

    /** "rc-" and 12 hex digits of a SHA-256 over everything the chart shows. */
    private static String idPrefix(Chart chart) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        Labels labels = chart.labels();
        Stream.of(labels.title(), labels.description(), labels.unit(), labels.verified(), labels.unverified(),
                labels.excursion(), labels.band(), String.valueOf(chart.bandMin()), String.valueOf(chart.bandMax()),
                chart.zone().getId()).forEach(text -> digestText(sha256, text));
        ByteBuffer number = ByteBuffer.allocate(Long.BYTES * 2);
        for (Series series : chart.series()) {
            digestText(sha256, series.label() + series.verified());
            for (Sample sample : series.samples()) {
                sha256.update(number.clear().putLong(sample.time().toEpochMilli())
                        .putLong(Double.doubleToLongBits(sample.value())).flip());
            }
        }
        for (Excursion excursion : chart.excursions()) {
            digestText(sha256, excursion.toString());
        }
        return "rc-" + HexFormat.of().formatHex(sha256.digest(), 0, 6);
    }

    /** Length first, so that ("ab", "c") and ("a", "bc") differ. */
    private static void digestText(MessageDigest sha256, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).flip());
        sha256.update(bytes);
    }
}
