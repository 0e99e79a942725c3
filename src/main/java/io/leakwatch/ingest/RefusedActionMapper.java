package io.leakwatch.ingest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A refused ingestion action, from the API or from the upload script of the admin pages, answers
 * with its status and the sentence that says why, as plain text.
 */
public class RefusedActionMapper {

    @ServerExceptionMapper
    public Response refused(IngestActions.Refused refused) {
        return Response.status(refused.status()).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(refused.getMessage()).build();
    }
}
