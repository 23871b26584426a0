package io.quayside.functions.runtime;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quayside.functions.discover.DiscoveryResult;
import io.quayside.functions.gateway.HttpSdTargets;
import io.quayside.functions.ingest.IngestResult;
import io.quayside.functions.store.Container;
import io.quayside.functions.evaluate.ScheduleEvent;
import io.quayside.functions.evaluate.TenantAlerts;
import io.quayside.model.Alert;
import io.quayside.model.ContainerEvent;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;

/**
 * Types that Jackson reads or writes outside what Funqy and Quarkus REST register on their own
 * (the registry file, event bodies parsed by hand), kept for native images. Funqy registers each
 * function's input and output with all they hold, in both bindings: {@code SqsEvent},
 * {@code SqsBatchResponse}, {@code AppliedEvent}, {@code ScheduleEvent}, {@code TenantAlerts}.
 */
@RegisterForReflection(targets = {Container.class, ContainerEvent.class, ContainerEvent.Kind.class,
        HttpSdTargets.TargetGroup.class, IngestResult.class, DiscoveryResult.class,
        SampleBatch.class, Sample.class, Labels.class, MetricFamily.class, Alert.class, ScheduleEvent.class, TenantAlerts.class})
final class NativeReflection {
    private NativeReflection() {
    }
}
