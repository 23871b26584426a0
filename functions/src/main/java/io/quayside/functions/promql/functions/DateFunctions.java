package io.quayside.functions.promql.functions;

import io.quayside.functions.promql.eval.Value;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/** Calendar fields (UTC) of sample values taken as Unix seconds, or of the evaluation time. */
final class DateFunctions {
    private DateFunctions() {
    }

    static void register(Map<String, PromqlFunction> functions) {
        functions.put("minute", date(LocalDateTime::getMinute));
        functions.put("hour", date(LocalDateTime::getHour));
        functions.put("day_of_week", date(t -> t.getDayOfWeek().getValue() % 7));
        functions.put("day_of_month", date(LocalDateTime::getDayOfMonth));
        functions.put("day_of_year", date(LocalDateTime::getDayOfYear));
        functions.put("days_in_month", date(t -> t.toLocalDate().lengthOfMonth()));
        functions.put("month", date(LocalDateTime::getMonthValue));
        functions.put("year", date(LocalDateTime::getYear));
    }

    private static PromqlFunction date(ToIntFunction<LocalDateTime> field) {
        return call -> {
            List<Sample> out = new ArrayList<>();
            if (call.argCount() == 0) {
                out.add(call.sample(Labels.EMPTY, field.applyAsInt(utc(call.evalTimeMs() / 1000))));
            } else {
                for (Sample sample : call.vector(0)) {
                    out.add(call.sample(PerSeries.dropName(sample.labels()), field.applyAsInt(utc((long) sample.value()))));
                }
            }
            return new Value.InstantVector(out);
        };
    }

    private static LocalDateTime utc(long epochSeconds) {
        return LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
    }
}
