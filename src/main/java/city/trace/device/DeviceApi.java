package city.trace.device;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import city.trace.org.CurrentMember;

/**
 * Devices for programs: members register and manage their organisation's devices with bearer tokens; devices
 * send their signed readings with no token (the signature is the credential); anyone reads a device's entry
 * and a batch as it was signed, to check a reading's signature themselves.
 */
@Path("/api/devices")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceApi {

    /** RFC 7515 §9.2.1: a JWS in compact serialization. */
    public static final String JOSE = "application/jose";

    /** A device to register, as JSON: the fields of the page's form. */
    public record Registration(String identifier, String kind, String model, String site, String vehicle,
            String publicKey) {

        DeviceForm form() {
            DeviceForm form = new DeviceForm();
            form.identifier = identifier;
            form.kind = kind;
            form.model = model;
            form.site = site;
            form.vehicle = vehicle;
            form.publicKey = publicKey;
            return form;
        }
    }

    @Inject
    DeviceRegistry registry;

    @Inject
    ReadingIntake intake;

    @Inject
    CurrentMember member;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentMember.MANUFACTURER)
    @Operation(summary = "Register a device of your organisation with its public key (ES256 or EdDSA, PEM)")
    public Response register(Registration registration) {
        Device device = registry.register(member.organization(), member.getName(),
                registration == null ? new DeviceForm() : registration.form());
        return Response.created(URI.create("/api/devices/" + device.id)).entity(DeviceView.of(device)).build();
    }

    @GET
    @RolesAllowed({ CurrentMember.MANUFACTURER, CurrentMember.REGULATOR, CurrentMember.CONSORTIUM_ADMIN })
    @Operation(summary = "Your organisation's devices (every device for regulators and the consortium admin)")
    public List<DeviceView> list() {
        return registry.visibleTo(member).stream().map(DeviceView::of).toList();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A device's registry entry: its public key, state and registration events")
    public DeviceView device(long id) {
        return DeviceView.of(DeviceRegistry.find(id));
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public DeviceView suspend(long id) {
        return DeviceView.of(registry.suspend(member.organization(), id));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public DeviceView resume(long id) {
        return DeviceView.of(registry.resume(member.organization(), id));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed(CurrentMember.MANUFACTURER)
    public DeviceView retire(long id) {
        return DeviceView.of(registry.retire(member.organization(), id));
    }

    @POST
    @Path("/{id}/readings")
    @Consumes(JOSE)
    @PermitAll
    @Operation(summary = "A device sends a batch of readings signed with its key (JWS compact serialization, ES256 "
            + "or EdDSA); refusals are problem+json and store nothing")
    public Response readings(long id, String jws) {
        ReadingIntake.Accepted accepted = intake.accept(id, jws);
        return Response.created(URI.create("/api/devices/" + id + "/readings/" + accepted.counter())).entity(accepted)
                .build();
    }

    @GET
    @Path("/{id}/readings/{counter}")
    @Produces(JOSE)
    @PermitAll
    @Operation(summary = "A batch of readings exactly as the device signed it (the rawData of its event)")
    public String signedBatch(long id, long counter) {
        return SignedBatch.jwsOf(id, counter)
                .orElseThrow(() -> new NotFoundException("Device " + id + " sent no batch with counter " + counter));
    }
}
