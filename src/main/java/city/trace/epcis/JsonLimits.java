package city.trace.epcis;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import city.trace.epcis.EpcisConfig;

/**
 * Jackson's parser limits, set from {@link EpcisConfig} rather than left to Jackson's defaults. Each check
 * fails with a sentence that names the limit and its value: Jackson's own exceptions say neither in words
 * a client can act on, nor which limit it was, and carry no location.
 */
final class JsonLimits extends StreamReadConstraints {

    /** A body over one of the limits; the message is for the client. */
    static final class Exceeded extends StreamConstraintsException {
        Exceeded(String message) {
            super(message);
        }
    }

    private static final long UNLIMITED = -1; // the document (checked as the body size) and its token count

    JsonLimits(EpcisConfig config) {
        super(config.maxJsonDepth(), UNLIMITED, config.maxJsonNumberLength(), config.maxJsonStringLength(),
                config.maxJsonStringLength(), UNLIMITED);
    }

    @Override
    public void validateNestingDepth(int depth) throws StreamConstraintsException {
        if (depth > _maxNestingDepth) {
            throw new Exceeded("JSON nesting depth is limited to " + _maxNestingDepth + " levels of objects and arrays");
        }
    }

    @Override
    public void validateIntegerLength(int length) throws StreamConstraintsException {
        validateNumberLength(length);
    }

    @Override
    public void validateFPLength(int length) throws StreamConstraintsException {
        validateNumberLength(length);
    }

    private void validateNumberLength(int length) throws Exceeded {
        if (length > _maxNumLen) {
            throw new Exceeded("a JSON number of " + length + " characters is over the limit of " + _maxNumLen);
        }
    }

    @Override
    public void validateStringLength(int length) throws StreamConstraintsException {
        if (length > _maxStringLen) {
            throw new Exceeded("a JSON string is longer than the limit of " + _maxStringLen + " characters");
        }
    }

    @Override
    public void validateNameLength(int length) throws StreamConstraintsException {
        if (length > _maxNameLen) {
            throw new Exceeded("a JSON property name is longer than the limit of " + _maxNameLen + " characters");
        }
    }
}
