package io.quayside.functions.promql.functions;

import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.PromqlException;
import io.quayside.functions.promql.eval.Value;
import io.quayside.functions.promql.parser.StringLiterals;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** label_replace and label_join; an empty result removes the label, as in Prometheus. */
final class LabelFunctions {
    private LabelFunctions() {
    }

    static void register(Map<String, PromqlFunction> functions) {
        functions.put("label_replace", LabelFunctions::labelReplace);
        functions.put("label_join", LabelFunctions::labelJoin);
    }

    private static Value labelReplace(FunctionCall call) {
        String dst = call.string(1);
        String replacement = call.string(2);
        String src = call.string(3);
        Pattern regex;
        try {
            regex = LabelMatcher.compileAnchored(call.string(4));
        } catch (PatternSyntaxException e) {
            throw new PromqlException("invalid regular expression in label_replace(): " + call.string(4));
        }
        requireValidName(dst, "destination", "label_replace");
        return relabel(call, labels -> {
            Matcher matcher = regex.matcher(nullToEmpty(labels.get(src)));
            return matcher.matches() ? set(labels, dst, GoRegexTemplate.expand(replacement, matcher)) : labels;
        });
    }

    private static Value labelJoin(FunctionCall call) {
        String dst = call.string(1);
        String separator = call.string(2);
        List<String> sources = new ArrayList<>();
        for (int i = 3; i < call.argCount(); i++) {
            requireValidName(call.string(i), "source", "label_join");
            sources.add(call.string(i));
        }
        requireValidName(dst, "destination", "label_join");
        return relabel(call, labels -> {
            List<String> values = new ArrayList<>();
            sources.forEach(source -> values.add(nullToEmpty(labels.get(source))));
            return set(labels, dst, String.join(separator, values));
        });
    }

    private static Value relabel(FunctionCall call, Function<Labels, Labels> change) {
        List<Sample> out = new ArrayList<>();
        for (Sample sample : call.vector(0)) {
            out.add(call.sample(change.apply(sample.labels()), sample.value()));
        }
        return new Value.InstantVector(out);
    }

    private static Labels set(Labels labels, String name, String value) {
        return value.isEmpty() ? labels.without(name) : labels.with(name, value);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void requireValidName(String name, String role, String function) {
        if (name.isEmpty() || !StringLiterals.isValidUtf8(name)) {
            throw new PromqlException("invalid " + role + " label name in " + function + "(): " + name);
        }
    }
}
