package city.trace.device.coldchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import city.trace.device.coldchain.ReadingChart.Chart;
import city.trace.device.coldchain.ReadingChart.Labels;
import city.trace.device.coldchain.ReadingChart.Series;

class ReadingChartTest {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Labels LABELS = new Labels("Temperature of shipment 42", "Readings of two devices", "°C",
            "verified", "unverified", "Excursion", "Allowed 2–8 °C");
    private static final ColdChainRule FRIDGE = ColdChainRule.between(2, 8, Duration.ofMinutes(30));

    private static List<Sample> everyTenMinutes(double... values) {
        return IntStream.range(0, values.length).mapToObj(i -> new Sample(T0.plusSeconds(600L * i), values[i])).toList();
    }

    private static Chart chart(String label, List<Sample> samples) {
        return new Chart(List.of(new Series(label, true, samples), new Series("Pallet logger L-7", false, samples)), 2.0,
                8.0, ColdChain.evaluate(FRIDGE, samples).excursions(), BERLIN, LABELS);
    }

    private static final List<Sample> WITH_EXCURSION = everyTenMinutes(4, 5, 6, 9.5, 11, 7, 5, 1.5, 3, 4);

    @Test
    void isWellFormedSvgLabelledByItsTitleAndDescription() throws Exception {
        Element svg = parse(ReadingChart.svg(chart("Truck thermometer ColdLink-T1", WITH_EXCURSION)));
        assertEquals(SVG, svg.getNamespaceURI());
        assertEquals("svg", svg.getLocalName());
        assertEquals("img", svg.getAttribute("role"));
        assertEquals("100%", svg.getAttribute("width"));
        assertTrue(svg.getAttribute("viewBox").startsWith("0 0 640 "));
        String[] labelledBy = svg.getAttribute("aria-labelledby").split(" ");
        Element title = byId(svg, labelledBy[0]);
        Element desc = byId(svg, labelledBy[1]);
        assertEquals("title", title.getLocalName());
        assertEquals("Temperature of shipment 42", title.getTextContent());
        assertEquals("desc", desc.getLocalName());
        assertEquals("Readings of two devices", desc.getTextContent());
    }

    @Test
    void drawsTheBandTheExcursionsAndOneLinePerSeries() throws Exception {
        Element svg = parse(ReadingChart.svg(chart("Truck thermometer ColdLink-T1", WITH_EXCURSION)));
        assertEquals(1, withClass(svg, "band").size());
        assertEquals(2, withClass(svg, "excursion").size(), "above 8, then below 2");
        assertTrue(withClass(svg, "excursion").getFirst().getTextContent().startsWith("Excursion: 2025-03-01 09:30 – "),
                "times in the chart's zone");
        assertEquals(2, withClass(svg, "series").size());
        assertEquals("polyline", withClass(svg, "series").getFirst().getLocalName());
        String legend = withClass(svg, "legend").getFirst().getTextContent();
        assertTrue(legend.contains("Truck thermometer ColdLink-T1 (verified)"));
        assertTrue(legend.contains("Pallet logger L-7 (unverified)"));
        assertTrue(legend.contains("Allowed 2–8 °C") && legend.contains("Excursion"));
        assertTrue(withClass(svg, "series").getLast().hasAttribute("stroke-dasharray"), "unverified is dashed");
    }

    @Test
    void escapesEveryTextAndCarriesNoScriptNorHandlers() throws Exception {
        String hostile = "<script>alert(\"x\")</script>&'\u0001";
        Labels labels = new Labels(hostile, hostile, hostile, hostile, hostile, hostile, hostile);
        String markup = ReadingChart.svg(new Chart(List.of(new Series(hostile, false, WITH_EXCURSION)), 2.0, 8.0,
                ColdChain.evaluate(FRIDGE, WITH_EXCURSION).excursions(), BERLIN, labels));
        Element svg = parse(markup);
        assertFalse(markup.toLowerCase().contains("<script"));
        assertTrue(markup.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;\uFFFD"));
        String expected = "<script>alert(\"x\")</script>&'\uFFFD";
        assertTrue(withClass(svg, "legend").getFirst().getTextContent().contains(expected + " (" + expected + ")"));
        assertNoHandlersOrReferences(svg);
        assertNoHandlersOrReferences(parse(ReadingChart.svg(chart("Truck thermometer ColdLink-T1", WITH_EXCURSION))));
    }

    private static void assertNoHandlersOrReferences(Element element) {
        assertFalse(element.getLocalName().equalsIgnoreCase("script"));
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Node attribute = element.getAttributes().item(i);
            String name = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
            assertFalse(name.toLowerCase().startsWith("on"), "handler " + name);
            assertFalse(name.equalsIgnoreCase("href"), "reference " + name);
            assertFalse(attribute.getNodeValue().contains("url("), "reference in " + name);
        }
        for (Element child : children(element)) {
            assertNoHandlersOrReferences(child);
        }
    }

    @Test
    void fontsStayReadableOnAPhone() throws Exception {
        String markup = ReadingChart.svg(chart("Truck thermometer ColdLink-T1", WITH_EXCURSION));
        List<Element> all = descendants(parse(markup));
        for (Element element : all) {
            if (element.hasAttribute("font-size")) {
                assertTrue(Double.parseDouble(element.getAttribute("font-size")) >= 11, element.getLocalName());
            }
        }
    }

    @Test
    void idsDifferBetweenChartsAndStayForTheSameChart() throws Exception {
        String one = parse(ReadingChart.svg(chart("Truck thermometer ColdLink-T1", WITH_EXCURSION))).getAttribute("aria-labelledby");
        String again = parse(ReadingChart.svg(chart("Truck thermometer ColdLink-T1", WITH_EXCURSION))).getAttribute("aria-labelledby");
        String other = parse(ReadingChart.svg(chart("Truck thermometer ColdLink-T2", WITH_EXCURSION))).getAttribute("aria-labelledby");
        String otherReadings = parse(ReadingChart.svg(chart("Truck thermometer ColdLink-T1", everyTenMinutes(4, 5))))
                .getAttribute("aria-labelledby");
        assertEquals(one, again);
        assertNotEquals(one, other);
        assertNotEquals(one, otherReadings);
        assertNotEquals(other, otherReadings);
    }

    @Test
    void nothingMeasuredIsASmallChartSayingSo() throws Exception {
        Labels labels = new Labels("Temperature", "Nothing was measured yet.", "°C", "verified", "unverified",
                "Excursion", "Allowed");
        Element svg = parse(ReadingChart.svg(new Chart(List.of(new Series("T1", true, List.of())), 2.0, 8.0, List.of(),
                BERLIN, labels)));
        assertEquals("0 0 640 64", svg.getAttribute("viewBox"));
        assertTrue(descendants(svg).stream().anyMatch(e -> e.getLocalName().equals("text")
                && e.getTextContent().equals("Nothing was measured yet.")));
        assertTrue(withClass(svg, "series").isEmpty());
        parse(ReadingChart.svg(new Chart(List.of(), null, null, List.of(), BERLIN, labels)));
    }

    @Test
    void aLoneReadingAndAFrozenCeilingStillDraw() throws Exception {
        Element svg = parse(ReadingChart.svg(new Chart(List.of(new Series("Freezer F-1", true,
                List.of(new Sample(T0, -21)))), null, -18.0, List.of(), BERLIN, LABELS)));
        assertEquals("circle", withClass(svg, "series").getFirst().getLocalName());
        assertEquals(1, withClass(svg, "band").size());
    }

    @Test
    void tenThousandReadingsStayFastAndSmallAndKeepTheirExtremes() throws Exception {
        Random random = new Random(42);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            samples.add(new Sample(T0.plusSeconds(30L * i), 4 + random.nextDouble()));
        }
        samples.set(4_321, new Sample(samples.get(4_321).time(), 14.75));
        samples.set(8_765, new Sample(samples.get(8_765).time(), -3.25));
        Chart chart = new Chart(List.of(new Series("Truck thermometer ColdLink-T1", true, samples)), 2.0, 8.0,
                ColdChain.evaluate(FRIDGE, samples).excursions(), BERLIN, LABELS);

        String markup = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> ReadingChart.svg(chart));
        assertTrue(markup.length() < 80_000, "size " + markup.length());
        Element svg = parse(markup);

        List<Sample> kept = ColumnDownsampler.keepExtremes(samples, samples.getFirst().time(), samples.getLast().time(), 564);
        assertTrue(kept.size() <= 4 * 564);
        assertTrue(kept.contains(samples.get(4_321)) && kept.contains(samples.get(8_765)));

        // the line reaches the y of both extremes: the highest point at 14.75, the lowest at -3.25
        double[] ys = pointYs(withClass(svg, "series").getFirst().getAttribute("points"));
        assertEquals(yOf(14.75, svg), min(ys), 0.06);
        assertEquals(yOf(-3.25, svg), max(ys), 0.06);
    }

    /** Where the chart's own y-axis puts a temperature: between its lowest and highest tick line. */
    private static double yOf(double celsius, Element svg) {
        List<Element> axis = children(withClass(svg, "y-axis").getFirst());
        List<Element> lines = axis.stream().filter(e -> e.getLocalName().equals("line")).toList();
        List<Element> labels = axis.stream().filter(e -> e.getLocalName().equals("text")).skip(1).toList();
        double lowY = Double.parseDouble(lines.getFirst().getAttribute("y1"));
        double highY = Double.parseDouble(lines.getLast().getAttribute("y1"));
        double low = Double.parseDouble(labels.getFirst().getTextContent());
        double high = Double.parseDouble(labels.getLast().getTextContent());
        return lowY + (celsius - low) / (high - low) * (highY - lowY);
    }

    private static double[] pointYs(String points) {
        return Arrays.stream(points.split(" ")).mapToDouble(point -> Double.parseDouble(point.split(",")[1]))
                .toArray();
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    @Test
    void temperatureTicksAreRoundAndCoverTheDataAndTheBand() {
        CelsiusTicks fridge = CelsiusTicks.covering(1.5, 11, 7);
        assertEquals(List.of("0", "2", "4", "6", "8", "10", "12"), fridge.values().stream().map(fridge::label).toList());
        CelsiusTicks narrow = CelsiusTicks.covering(4.1, 4.9, 7);
        assertEquals(List.of("4.0", "4.2", "4.4", "4.6", "4.8", "5.0"), narrow.values().stream().map(narrow::label).toList());
        CelsiusTicks frozen = CelsiusTicks.covering(-25, -18, 7);
        assertEquals(new BigDecimal("-26"), frozen.values().getFirst());
        assertEquals(new BigDecimal("-18"), frozen.values().getLast());
        CelsiusTicks wide = CelsiusTicks.covering(-1, 9.72, 7);
        assertEquals(List.of("-2", "0", "2", "4", "6", "8", "10"), wide.values().stream().map(wide::label).toList());
        CelsiusTicks constant = CelsiusTicks.covering(5, 5, 7);
        assertTrue(constant.low() < 5 && constant.high() > 5);
    }

    @Test
    void timeTicksAreRoundLocalTimesWithTheDateOverMoreThanADay() {
        TimeTicks hours = TimeTicks.covering(T0.plusSeconds(420), T0.plus(Duration.ofHours(5)), BERLIN);
        assertFalse(hours.withDate());
        assertEquals(List.of("10:00", "11:00", "12:00", "13:00", "14:00"), hours.instants().stream().map(hours::time).toList());

        TimeTicks days = TimeTicks.covering(T0, T0.plus(Duration.ofDays(4)), BERLIN);
        assertTrue(days.withDate());
        assertTrue(days.instants().size() >= 3 && days.instants().size() <= 6);
        assertEquals("2025-03-02", days.date(days.instants().getFirst()));
        assertEquals("00:00", days.time(days.instants().getFirst()));
    }

    private static Element parse(String markup) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(markup)));
        return document.getDocumentElement();
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static List<Element> descendants(Element root) {
        List<Element> all = new ArrayList<>(List.of(root));
        for (Element child : children(root)) {
            all.addAll(descendants(child));
        }
        return all;
    }

    private static List<Element> withClass(Element root, String className) {
        return descendants(root).stream().filter(e -> e.getAttribute("class").equals(className)).toList();
    }

    private static Element byId(Element root, String id) {
        List<Element> found = descendants(root).stream().filter(e -> e.getAttribute("id").equals(id)).toList();
        assertEquals(1, found.size(), id);
        return found.getFirst();
    }
}
