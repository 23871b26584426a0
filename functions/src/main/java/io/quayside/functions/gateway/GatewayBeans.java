package io.quayside.functions.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quayside.functions.discover.Discovery;
import io.quayside.functions.evaluate.RuleEvaluation;
import io.quayside.functions.ingest.Ingestor;
import io.quayside.functions.store.ContainerRegistry;
import io.quayside.functions.store.SeriesWindows;
import io.quayside.functions.tenancy.TenantRateLimiter;
import io.quayside.functions.tenancy.TenantTokens;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Optional;

/** Makes the plain-Java gateway injectable, for the HTTP resources and the {@code gateway} function alike. */
public class GatewayBeans {
    @Produces
    @Singleton
    TenantGuard guard(TenantTokens tokens) {
        return new TenantGuard(tokens);
    }

    @Produces
    @Singleton
    TenantAdmission admission(TenantGuard guard, TenantRateLimiter limiter) {
        return new TenantAdmission(guard, limiter);
    }

    @Produces
    @Singleton
    Refusals refusals(MeterRegistry meters) {
        return new Refusals(meters);
    }

    @Produces
    @Singleton
    GatewayJson json(ObjectMapper mapper) {
        return new GatewayJson(mapper);
    }

    @Produces
    @Singleton
    ScrapeAnswers scrape(TenantGuard guard, ContainerRegistry registry, Discovery discovery, LatestExposition exposition, GatewayJson json,
                         @ConfigProperty(name = "quayside.gateway.advertised-address") Optional<String> advertisedAddress) {
        return new ScrapeAnswers(guard, registry, discovery, exposition, json, advertisedAddress);
    }

    @Produces
    @Singleton
    QueryAnswers queries(TenantGuard guard, SeriesWindows windows, RuleEvaluation rules, Clock clock, GatewayJson json) {
        return new QueryAnswers(guard, windows, rules, clock, json);
    }

    @Produces
    @Singleton
    IntakeAnswers intake(Ingestor ingestor, Discovery discovery, TenantGuard guard, GatewayJson json, MeterRegistry meters) {
        return new IntakeAnswers(ingestor, discovery, guard, json, meters);
    }
}
