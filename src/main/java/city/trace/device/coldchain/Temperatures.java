package city.trace.device.coldchain;

/** Checks shared by readings and rules: a temperature must be a finite number of °C no colder than absolute zero. */
final class Temperatures {

    static final double ABSOLUTE_ZERO_CELSIUS = -273.15;

    private Temperatures() {
    }

    /** @throws IllegalArgumentException with a sentence a user can read, naming {@code what} was wrong */
    static void requirePhysical(String what, double celsius) {
        if (!Double.isFinite(celsius)) {
            throw new IllegalArgumentException("The " + what + " must be a number of degrees Celsius (was " + celsius + ").");
        }
        if (celsius < ABSOLUTE_ZERO_CELSIUS) {
            throw new IllegalArgumentException("The " + what + " (" + celsius + " °C) is below absolute zero (-273.15 °C).");
        }
    }

    static double kelvin(double celsius) {
        return celsius - ABSOLUTE_ZERO_CELSIUS;
    }

    static double celsius(double kelvin) {
        return kelvin + ABSOLUTE_ZERO_CELSIUS;
    }
}
