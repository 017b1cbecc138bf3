package city.trace.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small map drawn by the page itself (no tiles, works offline): the journey's places projected into a
 * 320 × 200 box, with a line for each move of goods (the wheat from its field to the mill, the bread to the
 * shop). Equirectangular, scaled by the cosine of the mean latitude: accurate enough across a region. No two
 * labels overlap, nor a label and a point, however close the places are (see {@link #labelled}).
 */
public record LocatorMap(List<Point> points, String route, int height) {

    static final int WIDTH = 320;
    static final int HEIGHT = 200;
    private static final int MARGIN = 28;
    static final double LABEL_HEIGHT = 13;
    /** Generous width of a character of the 11 px labels, so that a label stays inside its box. */
    static final double LABEL_CHAR_WIDTH = 6.0;
    /** From the label box's top to the text's baseline. */
    private static final double BASELINE = 10;
    private static final double LABEL_GAP = 9;
    private static final double EDGE = 4;
    /** Half the side of the square a point's circle (radius 7 at most, and its white edge) keeps free. */
    static final double POINT_RADIUS = 8;
    /** How many label heights a label may move away from its point before it goes to the list below the map. */
    private static final int FARTHEST = 6;

    /** A rectangle of the map: a label's box, or the square around a point. */
    record Box(double x, double y, double width, double height) {

        static Box around(double x, double y, double half) {
            return new Box(x - half, y - half, 2 * half, 2 * half);
        }

        boolean overlaps(Box other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height
                    && other.y < y + height;
        }

        boolean insideMap() {
            return x >= EDGE && y >= EDGE && x + width <= WIDTH - EDGE && y + height <= HEIGHT - EDGE;
        }

        /** The point of this box nearest to (px, py), where a leader line from there ends. */
        double[] nearest(double px, double py) {
            return new double[] { Math.clamp(px, x, x + width), Math.clamp(py, y, y + height) };
        }
    }

    /**
     * A place on the map; {@code origin} marks where the lot itself was made. Its label's text starts at
     * ({@code labelX}, {@code labelY}), its baseline; {@code leader} says whether a line joins the label to its
     * point (a label moved away from it), from (x, y) to ({@code leaderX}, {@code leaderY}).
     */
    public record Point(double x, double y, String label, boolean origin, Box labelBox, boolean leader) {

        public double labelX() {
            return round(labelBox.x());
        }

        public double labelY() {
            return round(labelBox.y() + BASELINE);
        }

        public double leaderX() {
            return round(labelBox.nearest(x, y)[0]);
        }

        public double leaderY() {
            return round(labelBox.nearest(x, y)[1]);
        }
    }

    /** The map of steps in time order: a line wherever one lot's consecutive steps are at different places. */
    static LocatorMap of(List<Journey.Step> steps, Journey.Place origin) {
        Map<String, Journey.Place> places = new LinkedHashMap<>();
        steps.stream().map(Journey.Step::where).filter(place -> place != null)
                .forEach(place -> places.putIfAbsent(place.name(), place));
        if (origin != null) {
            places.putIfAbsent(origin.name(), origin);
        }
        if (places.isEmpty()) {
            return new LocatorMap(List.of(), "", HEIGHT);
        }
        Projection projection = Projection.fitting(places.values());
        List<Spot> spots = places.values().stream().map(place -> {
            double[] xy = projection.apply(place);
            return new Spot(xy[0], xy[1], place.name() + ", " + place.city(), place.equals(origin));
        }).toList();
        return labelled(spots, route(steps, projection));
    }

    /** A projected place before its label is placed. */
    record Spot(double x, double y, String label, boolean origin) {
    }

    /**
     * Places each label where it overlaps no other label and no point, deterministically: the origin first, then
     * from top to bottom. A label goes beside its point (right, left, above, below), else further away with a
     * leader line, else into a list under the map (which grows for it), also with a leader line.
     */
    static LocatorMap labelled(List<Spot> spots, String route) {
        List<Box> taken = new ArrayList<>(spots.stream().map(s -> Box.around(s.x(), s.y(), POINT_RADIUS)).toList());
        List<Point> points = new ArrayList<>();
        double listBottom = HEIGHT;
        List<Spot> order = spots.stream().sorted(Comparator.comparing((Spot s) -> !s.origin())
                .thenComparingDouble(Spot::y).thenComparingDouble(Spot::x)).toList();
        for (Spot spot : order) {
            String label = shortened(spot.label(), WIDTH - 2 * EDGE);
            double width = label.length() * LABEL_CHAR_WIDTH;
            Point point = null;
            for (int distance = 0; distance <= FARTHEST && point == null; distance++) {
                for (Box candidate : candidates(spot, width, distance)) {
                    if (candidate.insideMap() && taken.stream().noneMatch(candidate::overlaps)) {
                        point = new Point(spot.x(), spot.y(), label, spot.origin(), candidate, distance > 0);
                        break;
                    }
                }
            }
            if (point == null) {
                Box listed = new Box(EDGE, listBottom, width, LABEL_HEIGHT);
                listBottom += LABEL_HEIGHT;
                point = new Point(spot.x(), spot.y(), label, spot.origin(), listed, true);
            }
            taken.add(point.labelBox());
            points.add(point);
        }
        int height = listBottom == HEIGHT ? HEIGHT : (int) Math.ceil(listBottom + EDGE);
        return new LocatorMap(points, route, height);
    }

    /**
     * Where a label may go, nearest first: beside its point ({@code distance} 0), or that many label heights
     * further up or down on either side, or further above or below.
     */
    private static List<Box> candidates(Spot spot, double width, int distance) {
        double right = spot.x() + LABEL_GAP;
        double left = spot.x() - LABEL_GAP - width;
        double centred = Math.clamp(spot.x() - width / 2, EDGE, Math.max(EDGE, WIDTH - EDGE - width));
        double middle = spot.y() - LABEL_HEIGHT / 2;
        double shift = distance * LABEL_HEIGHT;
        double above = spot.y() - LABEL_GAP - LABEL_HEIGHT - shift;
        double below = spot.y() + LABEL_GAP + shift;
        List<Box> boxes = new ArrayList<>();
        for (double x : new double[] { right, left }) {
            boxes.add(new Box(x, middle - shift, width, LABEL_HEIGHT));
            if (distance > 0) {
                boxes.add(new Box(x, middle + shift, width, LABEL_HEIGHT));
            }
        }
        boxes.add(new Box(centred, above, width, LABEL_HEIGHT));
        boxes.add(new Box(centred, below, width, LABEL_HEIGHT));
        return boxes;
    }

    /** The label, shortened with "…" where it is wider than {@code room}. */
    static String shortened(String label, double room) {
        int fitting = (int) (room / LABEL_CHAR_WIDTH);
        return label.length() <= fitting ? label : label.substring(0, Math.max(fitting - 1, 0)).strip() + "…";
    }

    private static String route(List<Journey.Step> steps, Projection projection) {
        Map<String, Journey.Place> lastPlaceOfLot = new LinkedHashMap<>();
        StringBuilder route = new StringBuilder();
        for (Journey.Step step : steps) {
            if (step.where() == null) {
                continue;
            }
            Journey.Place before = lastPlaceOfLot.put(step.lotLabel(), step.where());
            if (before != null && !before.name().equals(step.where().name())) {
                double[] from = projection.apply(before);
                double[] to = projection.apply(step.where());
                route.append(route.isEmpty() ? "" : " ").append("M").append(from[0]).append(' ').append(from[1])
                        .append(" L").append(to[0]).append(' ').append(to[1]);
            }
        }
        return route.toString();
    }

    /** Longitude and latitude to box coordinates, fitted to the places with a margin. */
    private record Projection(double minLon, double maxLat, double cos, double scale, double offsetX, double offsetY) {

        static Projection fitting(Iterable<Journey.Place> places) {
            double minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE, minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE;
            for (Journey.Place place : places) {
                minLat = Math.min(minLat, place.latitude().doubleValue());
                maxLat = Math.max(maxLat, place.latitude().doubleValue());
                minLon = Math.min(minLon, place.longitude().doubleValue());
                maxLon = Math.max(maxLon, place.longitude().doubleValue());
            }
            double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
            double spanX = Math.max((maxLon - minLon) * cos, 0.01);
            double spanY = Math.max(maxLat - minLat, 0.01);
            double scale = Math.min((WIDTH - 2 * MARGIN) / spanX, (HEIGHT - 2 * MARGIN) / spanY);
            return new Projection(minLon, maxLat, cos, scale, (WIDTH - spanX * scale) / 2, (HEIGHT - spanY * scale) / 2);
        }

        double[] apply(Journey.Place place) {
            return new double[] { round(offsetX + (place.longitude().doubleValue() - minLon) * cos * scale),
                    round(offsetY + (maxLat - place.latitude().doubleValue()) * scale) };
        }
    }

    public int width() {
        return WIDTH;
    }

    /** The height of the map itself; labels that found no room on it are listed below it. */
    public int landHeight() {
        return HEIGHT;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
