package io.quayside.functions.rules.template;

import java.util.List;

/** The parsed form of a template: text, output actions and {@code if}/{@code else}/{@code end}. */
sealed interface TemplateNode {
    record Text(String text) implements TemplateNode {
    }

    record Output(Pipeline pipeline) implements TemplateNode {
    }

    record Conditional(Pipeline condition, List<TemplateNode> then, List<TemplateNode> otherwise) implements TemplateNode {
    }

    /** Commands joined by {@code |}: each command's result is the last argument of the next. */
    record Pipeline(List<Command> commands) {
    }

    /** A function call with its arguments, or a single value. */
    record Command(List<Operand> operands) {
    }

    sealed interface Operand {
    }

    record Literal(Object value) implements Operand {
    }

    /** {@code $name.field.field}; {@code $} alone is the data. */
    record Variable(String name, List<String> fields) implements Operand {
    }

    /** {@code .Field.field}; {@code .} alone is the data. */
    record Dot(List<String> fields) implements Operand {
    }

    record Function(String name) implements Operand {
    }

    record Nested(Pipeline pipeline) implements Operand {
    }
}
