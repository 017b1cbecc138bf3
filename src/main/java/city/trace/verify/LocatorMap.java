package city.trace.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small map drawn by the page itself (no tiles, works offline): the journey's places projected into a
 * 320 × 200 box, with a line for each move of goods (the wheat from its field to the mill, the bread to the
 * shop). Equirectangular, scaled by the cosine of the mean latitude: accurate enough across a region.
 */
public record LocatorMap(List<Point> points, String route) {

    static final int WIDTH = 320;
    static final int HEIGHT = 200;
    private static final int MARGIN = 28;
    private static final double LABEL_HEIGHT = 13;
    /** Generous width of a character of the 11 px labels, to keep them inside the box. */
    private static final double LABEL_CHAR_WIDTH = 6.0;
    private static final double LABEL_GAP = 9;
    private static final double EDGE = 4;

    /**
     * A place on the map; {@code origin} marks where the lot itself was made. Its label is written to the
     * right of the point, or to its left ({@code labelLeft}), at {@code labelY}.
     */
    public record Point(double x, double y, String label, boolean origin, boolean labelLeft, double labelY) {

        /** A point labelled on the side where its label fits (shortened with "…" where it fits on neither). */
        static Point labelled(double x, double y, String label, boolean origin) {
            double roomRight = WIDTH - EDGE - (x + LABEL_GAP);
            double roomLeft = x - LABEL_GAP - EDGE;
            double width = label.length() * LABEL_CHAR_WIDTH;
            boolean left = width > roomRight && (width <= roomLeft || roomLeft > roomRight);
            int fitting = (int) ((left ? roomLeft : roomRight) / LABEL_CHAR_WIDTH);
            String shown = label.length() <= fitting ? label : label.substring(0, Math.max(fitting - 1, 0)).strip() + "…";
            return new Point(x, y, shown, origin, left, y);
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
            return new LocatorMap(List.of(), "");
        }
        Projection projection = Projection.fitting(places.values());
        List<Point> points = apart(places.values().stream().map(place -> {
            double[] xy = projection.apply(place);
            return Point.labelled(xy[0], xy[1], place.name() + ", " + place.city(), place.equals(origin));
        }).toList());
        return new LocatorMap(points, route(steps, projection));
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

    /** Moves labels on the same side down until they no longer overlap (places close together). */
    private static List<Point> apart(List<Point> points) {
        List<Point> placed = new ArrayList<>();
        points.stream().sorted(Comparator.comparingDouble(Point::y)).forEach(point -> {
            double labelY = point.y();
            for (Point other : placed) {
                if (other.labelLeft() == point.labelLeft() && Math.abs(other.labelY() - labelY) < LABEL_HEIGHT) {
                    labelY = other.labelY() + LABEL_HEIGHT;
                }
            }
            placed.add(new Point(point.x(), point.y(), point.label(), point.origin(), point.labelLeft(), labelY));
        });
        return placed;
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

    public int height() {
        return HEIGHT;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
