package city.trace.verify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import city.trace.device.TemperatureRecord;
import city.trace.gs1.DigitalLink;

/**
 * For pages of other features (a manufacturer's batch page): whether a lot has a temperature record, and where
 * its chart is ({@code inject:temperatureCharts} in templates), so that they show it without depending on devices.
 */
@ApplicationScoped
@Named("temperatureCharts")
public class TemperatureCharts {

    @Transactional
    public boolean measured(String lot) {
        return TemperatureRecord.measured(lot);
    }

    /** The chart's address: the lot's Digital Link path with /temperatures.svg. */
    public String chart(String lot) {
        return DigitalLink.parseLot(lot).map(link -> link.path() + "/temperatures.svg").orElseThrow();
    }
}
