package city.trace.tracing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace drawn as columns by distance from the start, upstream on the left: a backward trace ends at its start on
 * the right, a forward one begins there on the left. Lots are boxes, links are curves from maker to made.
 */
public record TraceGraph(int width, int height, List<Box> boxes, List<String> curves, int drawn, int total) {

    static final int BOX_WIDTH = 210;
    static final int BOX_HEIGHT = 46;
    static final int COLUMN = 270;
    static final int ROW = 60;
    static final int MARGIN = 10;
    private static final int LABEL_CHARS = 30;

    /** A node's box: where, its two lines of text, and its verification outcome for the colour. */
    public record Box(int x, int y, String label, String detail, String outcome, boolean start, boolean recalled,
            String title) {

        public int textX() {
            return x + 8;
        }

        public int labelY() {
            return y + 18;
        }

        public int detailY() {
            return y + 36;
        }
    }

    public static TraceGraph of(TraceShape trace, int maxDrawn) {
        List<Trace.Node> drawn = trace.nodes().stream().sorted(Comparator.comparingInt(Trace.Node::distance)
                .thenComparing(Trace.Node::label)).limit(maxDrawn).toList();
        int deepest = drawn.stream().mapToInt(Trace.Node::distance).max().orElse(0);
        Map<Integer, Integer> rows = new HashMap<>();
        Map<String, Box> boxes = new HashMap<>();
        List<Box> ordered = new ArrayList<>();
        for (Trace.Node node : drawn) {
            int column = trace.direction() == Direction.BACKWARD ? deepest - node.distance() : node.distance();
            int row = rows.merge(node.distance(), 1, Integer::sum) - 1;
            String where = String.join(", ", node.cities());
            String detail = node.owner() == null ? where : where.isEmpty() ? node.owner() : node.owner() + " · " + where;
            Box box = new Box(MARGIN + column * COLUMN, MARGIN + row * ROW, shorten(node.label()), shorten(detail),
                    node.outcome().name(), node.distance() == 0, node.recalled(), node.label());
            boxes.put(node.id(), box);
            ordered.add(box);
        }
        List<String> curves = new ArrayList<>();
        for (Trace.Link link : trace.links()) {
            Box from = boxes.get(link.from());
            Box to = boxes.get(link.to());
            if (from != null && to != null) {
                int x1 = from.x() + BOX_WIDTH;
                int y1 = from.y() + BOX_HEIGHT / 2;
                int x2 = to.x();
                int y2 = to.y() + BOX_HEIGHT / 2;
                int bend = Math.max(30, Math.abs(x2 - x1) / 2);
                curves.add("M" + x1 + " " + y1 + " C" + (x1 + bend) + " " + y1 + " " + (x2 - bend) + " " + y2 + " " + x2 + " " + y2);
            }
        }
        int tallest = rows.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        return new TraceGraph(2 * MARGIN + deepest * COLUMN + BOX_WIDTH, 2 * MARGIN + (tallest - 1) * ROW + BOX_HEIGHT,
                ordered, curves, drawn.size(), trace.nodes().size());
    }

    private static String shorten(String text) {
        return text.length() <= LABEL_CHARS ? text : text.substring(0, LABEL_CHARS - 1) + "…";
    }

    public int boxWidth() {
        return BOX_WIDTH;
    }

    public int boxHeight() {
        return BOX_HEIGHT;
    }
}
