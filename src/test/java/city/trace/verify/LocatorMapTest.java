package city.trace.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LocatorMapTest {

    private static final String LABEL = "Zonneweide milking parlour, Groningen";

    @Test
    void aLabelGoesRightOfItsPointWhereItFits() {
        LocatorMap.Point point = only(30, 50, LABEL);
        assertEquals(LABEL, point.label());
        assertTrue(point.labelX() > 30, "right of the point: " + point.labelBox());
        assertFalse(point.leader());
    }

    @Test
    void aLabelGoesLeftOfAPointNearTheRightEdge() {
        LocatorMap.Point point = only(LocatorMap.WIDTH - 30, 50, LABEL);
        assertEquals(LABEL, point.label());
        assertTrue(point.labelBox().x() + point.labelBox().width() < LocatorMap.WIDTH - 30, "left: " + point.labelBox());
    }

    @Test
    void aLabelWiderThanTheMapIsShortenedToFitIt() {
        String longLabel = "Coöperatieve zuivelfabriek en melkontvangststation De Noordelijke Weidegronden, Groningen";
        LocatorMap.Point point = only(160, 100, longLabel);
        assertTrue(point.label().endsWith("…"), point.label());
        assertTrue(longLabel.startsWith(point.label().substring(0, point.label().length() - 1)), point.label());
        assertTrue(point.labelBox().insideMap(), "within the box: " + point.labelBox());
    }

    /** Thirty sites in one street and a few across the region: every label finds a place of its own. */
    @Test
    void labelsOfManyPlacesCloseTogetherNeverOverlapEachOtherNorAnyPoint() {
        List<Journey.Place> places = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            places.add(place("Bakery unit " + i, "53.2" + (100 + i % 6), "6.5" + (600 + i / 6)));
        }
        places.add(place("Korenaar wheat fields", "53.285", "6.645"));
        places.add(place("Stadsmarkt Centrum", "51.921", "4.488"));
        places.add(place("ColdLink cross-dock Rotterdam", "51.887", "4.442"));
        List<Journey.Step> steps = places.stream().map(LocatorMapTest::stepAt).toList();

        LocatorMap map = LocatorMap.of(steps, places.getFirst());

        assertEquals(places.size(), map.points().size());
        for (LocatorMap.Point point : map.points()) {
            LocatorMap.Box box = point.labelBox();
            assertTrue(box.x() >= 0 && box.y() >= 0 && box.x() + box.width() <= map.width()
                    && box.y() + box.height() <= map.height(), "inside the drawing: " + point);
            for (LocatorMap.Point other : map.points()) {
                assertFalse(box.overlaps(LocatorMap.Box.around(other.x(), other.y(), LocatorMap.POINT_RADIUS)),
                        point.label() + " covers the point of " + other.label());
                if (other != point) {
                    assertFalse(box.overlaps(other.labelBox()), point.label() + " overlaps " + other.label());
                }
            }
        }
        assertTrue(map.points().stream().anyMatch(LocatorMap.Point::leader), "crowded labels moved away, with a leader");
        assertEquals(map, LocatorMap.of(steps, places.getFirst()), "the same places give the same map");
    }

    @Test
    void labelsWithNoRoomLeftOnTheMapAreListedBelowIt() {
        List<LocatorMap.Spot> spots = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            spots.add(new LocatorMap.Spot(150 + i % 4, 90 + i / 4, "Warehouse " + i + ", Groningen", false));
        }
        LocatorMap map = LocatorMap.labelled(spots, "");
        assertTrue(map.height() > LocatorMap.HEIGHT, "the drawing grows for the list: " + map.height());
        List<LocatorMap.Point> listed = map.points().stream().filter(p -> !p.labelBox().insideMap()).toList();
        assertFalse(listed.isEmpty());
        listed.forEach(p -> assertTrue(p.leader() && p.labelBox().y() >= LocatorMap.HEIGHT, "listed below: " + p));
    }

    private static LocatorMap.Point only(double x, double y, String label) {
        return LocatorMap.labelled(List.of(new LocatorMap.Spot(x, y, label, false)), "").points().getFirst();
    }

    private static Journey.Place place(String name, String latitude, String longitude) {
        return new Journey.Place(name, "Groningen", "Noorderlicht", new BigDecimal(latitude), new BigDecimal(longitude));
    }

    private static Journey.Step stepAt(Journey.Place place) {
        return new Journey.Step(0, null, null, null, "ObjectEvent", "receiving", "lot of " + place.name(), false, null,
                null, null, place, null, null, true, null, null);
    }
}
