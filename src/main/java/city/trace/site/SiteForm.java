package city.trace.site;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import city.trace.gs1.Gs1Key;
import city.trace.gs1.ValidKey;

/** A site as the form submits it, as typed (so an invalid value can be shown again for correction). */
public class SiteForm {

    @RestForm
    @NotBlank(message = "Enter the site's GLN")
    @ValidKey(Gs1Key.GLN)
    public String gln;

    @RestForm
    @NotBlank(message = "Enter a name, e.g. Main dairy")
    @Size(max = 200, message = "Keep the name under 200 characters")
    public String name;

    @RestForm
    @NotBlank(message = "Enter the street address")
    @Size(max = 300, message = "Keep the address under 300 characters")
    public String address;

    @RestForm
    @NotBlank(message = "Enter the city")
    @Size(max = 100, message = "Keep the city under 100 characters")
    public String city;

    /** Decimal degrees, e.g. 53.2194 (north positive); the public journey map places the site by them. */
    @RestForm
    @NotBlank(message = "Enter the latitude in decimal degrees, e.g. 53.2194")
    public String latitude;

    @RestForm
    @NotBlank(message = "Enter the longitude in decimal degrees, e.g. 6.5665")
    public String longitude;
}
