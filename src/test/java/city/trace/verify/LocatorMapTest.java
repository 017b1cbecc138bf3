package city.trace.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LocatorMapTest {

    private static final String LABEL = "Zonneweide milking parlour, Groningen";

    @Test
    void aLabelGoesRightOfItsPointWhereItFits() {
        LocatorMap.Point point = LocatorMap.Point.labelled(30, 50, LABEL, false);
        assertFalse(point.labelLeft());
        assertEquals(LABEL, point.label());
    }

    @Test
    void aLabelGoesLeftOfAPointNearTheRightEdge() {
        LocatorMap.Point point = LocatorMap.Point.labelled(LocatorMap.WIDTH - 30, 50, LABEL, false);
        assertTrue(point.labelLeft());
        assertEquals(LABEL, point.label());
    }

    @Test
    void aLabelThatFitsOnNeitherSideIsShortenedOnTheRoomierOne() {
        LocatorMap.Point point = LocatorMap.Point.labelled(200, 50, LABEL, false);
        assertTrue(point.labelLeft(), "200 of 320: more room on the left");
        assertTrue(point.label().endsWith("…"), point.label());
        assertTrue(LABEL.startsWith(point.label().substring(0, point.label().length() - 1)), point.label());
        assertTrue(point.label().length() * 6.0 <= 200 - 9, "within the box: " + point.label());
    }
}
