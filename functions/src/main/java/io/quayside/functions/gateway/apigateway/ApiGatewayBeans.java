package io.quayside.functions.gateway.apigateway;

import io.quayside.functions.gateway.IntakeAnswers;
import io.quayside.functions.gateway.QueryAnswers;
import io.quayside.functions.gateway.Refusals;
import io.quayside.functions.gateway.ScrapeAnswers;
import io.quayside.functions.gateway.TenantAdmission;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the plain-Java route table injectable. */
public class ApiGatewayBeans {
    @Produces
    @Singleton
    ApiGatewayRoutes routes(TenantAdmission admission, Refusals refusals, ScrapeAnswers scrape, QueryAnswers queries,
                            IntakeAnswers intake) {
        return new ApiGatewayRoutes(admission, refusals, scrape, queries, intake);
    }
}
