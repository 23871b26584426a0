package io.quayside.functions.rules.template;

import io.quayside.functions.rules.template.TemplateNode.Command;
import io.quayside.functions.rules.template.TemplateNode.Operand;
import io.quayside.functions.rules.template.TemplateNode.Pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An alert label or annotation template: the part of Go's text/template that Prometheus rules use,
 * with Prometheus' functions and variables. Parsed once; expanding it is cheap and thread-safe.
 */
public final class AlertTemplate {
    private final String name;
    private final List<TemplateNode> nodes;

    private AlertTemplate(String name, List<TemplateNode> nodes) {
        this.name = name;
        this.nodes = nodes;
    }

    public static AlertTemplate parse(String name, String text) throws TemplateException {
        return new AlertTemplate(name, TemplateParser.parse(name, text));
    }

    public String expand(TemplateData data) throws TemplateException {
        StringBuilder out = new StringBuilder();
        write(nodes, data, out);
        return out.toString();
    }

    private void write(List<TemplateNode> list, TemplateData data, StringBuilder out) throws TemplateException {
        for (TemplateNode node : list) {
            if (node instanceof TemplateNode.Text text) {
                out.append(text.text());
            } else if (node instanceof TemplateNode.Output output) {
                out.append(GoPrint.sprint(pipeline(output.pipeline(), data)));
            } else if (node instanceof TemplateNode.Conditional c) {
                write(TemplateFunctions.Truth.of(pipeline(c.condition(), data)) ? c.then() : c.otherwise(), data, out);
            }
        }
    }

    private Object pipeline(Pipeline pipeline, TemplateData data) throws TemplateException {
        Object result = null;
        boolean piped = false;
        for (Command command : pipeline.commands()) {
            result = command(command, data, piped, result);
            piped = true;
        }
        return result;
    }

    private Object command(Command command, TemplateData data, boolean piped, Object input) throws TemplateException {
        List<Operand> operands = command.operands();
        if (!(operands.get(0) instanceof TemplateNode.Function function)) {
            if (piped || operands.size() > 1) {
                throw new TemplateException("template: " + name + ": can't give argument to non-function");
            }
            return value(operands.get(0), data);
        }
        List<Object> args = new ArrayList<>();
        for (Operand operand : operands.subList(1, operands.size())) {
            args.add(value(operand, data));
        }
        if (piped) {
            args.add(input);
        }
        try {
            return TemplateFunctions.call(function.name(), args);
        } catch (TemplateException e) {
            throw new TemplateException("template: " + name + ": error calling " + function.name() + ": " + e.getMessage());
        }
    }

    private Object value(Operand operand, TemplateData data) throws TemplateException {
        if (operand instanceof TemplateNode.Literal literal) {
            return literal.value();
        }
        if (operand instanceof TemplateNode.Nested nested) {
            return pipeline(nested.pipeline(), data);
        }
        if (operand instanceof TemplateNode.Function function) {
            return TemplateFunctions.call(function.name(), List.of());
        }
        if (operand instanceof TemplateNode.Variable variable && !variable.name().equals("$")) {
            if (!data.hasVariable(variable.name())) {
                throw new TemplateException("template: " + name + ": undefined variable \"" + variable.name() + "\"");
            }
            return fields(data.variable(variable.name()), variable.fields());
        }
        List<String> path = operand instanceof TemplateNode.Variable variable ? variable.fields() : ((TemplateNode.Dot) operand).fields();
        return path.isEmpty() ? data : fields(data.field(path.get(0)), path.subList(1, path.size()));
    }

    /** Map keys missing from labels give the empty string: Prometheus sets {@code missingkey=zero}. */
    private Object fields(Object start, List<String> fields) throws TemplateException {
        Object value = start;
        for (String field : fields) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new TemplateException("template: " + name + ": can't evaluate field " + field
                        + " in type " + GoPrint.typeName(value));
            }
            Object next = map.get(field);
            value = next == null ? "" : next;
        }
        return value;
    }
}
