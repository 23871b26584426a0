package io.quayside.functions.gateway;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@link QueryAnswers} over HTTP: {@code query} and {@code query_range} by GET or form POST, and {@code alerts}. */
@Path("/v1/{tenant}/api/v1")
public class QueryResource {
    private final QueryAnswers queries;

    public QueryResource(QueryAnswers queries) {
        this.queries = queries;
    }

    @GET
    @Path("alerts")
    public Response alerts(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return JaxRsAnswers.response(queries.alerts(tenant, authorization));
    }

    @GET
    @Path("query")
    public Response query(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @Context UriInfo uri) {
        return JaxRsAnswers.response(queries.query(tenant, authorization, queryString(uri)));
    }

    @POST
    @Path("query")
    @Consumes(MediaType.WILDCARD)
    public Response queryForm(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return JaxRsAnswers.response(queries.query(tenant, authorization, FormFields.ofBody(contentType, body)));
    }

    @GET
    @Path("query_range")
    public Response queryRange(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @Context UriInfo uri) {
        return JaxRsAnswers.response(queries.queryRange(tenant, authorization, queryString(uri)));
    }

    @POST
    @Path("query_range")
    @Consumes(MediaType.WILDCARD)
    public Response queryRangeForm(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                   @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return JaxRsAnswers.response(queries.queryRange(tenant, authorization, FormFields.ofBody(contentType, body)));
    }

    private static FormFields queryString(UriInfo uri) {
        return FormFields.parse(uri.getRequestUri().getRawQuery());
    }
}
