package io.leakwatch.breach;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseHeader;

import java.util.List;
import java.util.Optional;

/** The public breach catalogue, in Have I Been Pwned's v3 shape. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class BreachApiResource {

    private final BreachCatalogue catalogue;

    public BreachApiResource(BreachCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Path("/breaches")
    @ResponseHeader(name = "Access-Control-Allow-Origin", value = "*")
    public List<BreachModel> breaches(@QueryParam("domain") String domain) {
        return catalogue.publicBreaches(Optional.ofNullable(domain)).stream().map(BreachModel::of).toList();
    }

    @GET
    @Path("/breach/{name}")
    @ResponseHeader(name = "Access-Control-Allow-Origin", value = "*")
    public BreachModel breach(@PathParam("name") String name) {
        return catalogue.publicBreach(name).map(BreachModel::of).orElseThrow(NotFoundException::new);
    }
}
