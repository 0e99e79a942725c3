package io.leakwatch.ingest;

import io.leakwatch.web.ApiProblem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A refused ingestion action answers with its status and the sentence that says why: as problem details
 * from the API, as a line of text to the upload script of the admin pages, which shows it.
 */
public class RefusedActionMapper {

    @ServerExceptionMapper
    public Response refused(IngestActions.Refused refused, UriInfo uri) {
        if (ApiProblem.isApi(uri.getPath())) {
            return ApiProblem.of(refused.status(), refused.getMessage()).response();
        }
        return Response.status(refused.status()).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(refused.getMessage()).build();
    }
}
