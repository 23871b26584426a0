package io.quayside.functions.rules.template;

import io.quayside.functions.rules.template.TemplateNode.Command;
import io.quayside.functions.rules.template.TemplateNode.Conditional;
import io.quayside.functions.rules.template.TemplateNode.Operand;
import io.quayside.functions.rules.template.TemplateNode.Pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses the subset of Go's text/template that alert labels and annotations use. */
final class TemplateParser {
    private final String name;
    private final String text;
    private int position;

    private TemplateParser(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static List<TemplateNode> parse(String name, String text) throws TemplateException {
        TemplateParser parser = new TemplateParser(name, text);
        List<TemplateNode> nodes = new ArrayList<>();
        String end = parser.nodesUntilKeyword(nodes);
        if (end != null) {
            throw parser.error("unexpected {{" + end + "}}");
        }
        return nodes;
    }

    /** Reads nodes until {@code else}, {@code else if ...} or {@code end}, and returns that action; null at the end of text. */
    private String nodesUntilKeyword(List<TemplateNode> nodes) throws TemplateException {
        while (position < text.length()) {
            int open = text.indexOf("{{", position);
            if (open < 0) {
                nodes.add(new TemplateNode.Text(text.substring(position)));
                position = text.length();
                break;
            }
            boolean trimLeft = text.startsWith("{{- ", open);
            int close = text.indexOf("}}", open);
            if (close < 0) {
                throw error("unclosed action");
            }
            boolean trimRight = close >= 2 && text.startsWith(" -", close - 2);
            String before = text.substring(position, open);
            nodes.add(new TemplateNode.Text(trimLeft ? before.stripTrailing() : before));
            String action = text.substring(open + (trimLeft ? 3 : 2), trimRight ? close - 2 : close).strip();
            position = close + 2;
            if (trimRight) {
                while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                    position++;
                }
            }
            String keyword = action(action, nodes);
            if (keyword != null) {
                return keyword;
            }
        }
        return null;
    }

    private String action(String action, List<TemplateNode> nodes) throws TemplateException {
        if (action.startsWith("/*")) {
            return null;
        }
        List<String> words = ActionLexer.words(action, location());
        if (words.isEmpty()) {
            throw error("missing value for command");
        }
        switch (words.get(0)) {
            case "if" -> nodes.add(conditional(words.subList(1, words.size())));
            case "else", "end" -> {
                return action;
            }
            default -> nodes.add(new TemplateNode.Output(pipeline(words)));
        }
        return null;
    }

    private Conditional conditional(List<String> condition) throws TemplateException {
        List<TemplateNode> then = new ArrayList<>();
        String keyword = nodesUntilKeyword(then);
        List<TemplateNode> otherwise = new ArrayList<>();
        if (keyword == null) {
            throw error("unexpected EOF");
        }
        if (keyword.startsWith("else if ")) {
            otherwise.add(conditional(ActionLexer.words(keyword.substring("else if ".length()), location())));
        } else if (keyword.equals("else") && !"end".equals(nodesUntilKeyword(otherwise))) {
            throw error("expected end");
        }
        return new Conditional(pipeline(condition), then, otherwise);
    }

    private Pipeline pipeline(List<String> words) throws TemplateException {
        List<Command> commands = new ArrayList<>();
        List<Operand> operands = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("|")) {
                commands.add(command(operands));
                operands = new ArrayList<>();
            } else if (word.equals("(")) {
                int close = matchingParen(words, i);
                operands.add(new TemplateNode.Nested(pipeline(words.subList(i + 1, close))));
                i = close;
            } else {
                operands.add(operand(word));
            }
        }
        commands.add(command(operands));
        return new Pipeline(commands);
    }

    private Command command(List<Operand> operands) throws TemplateException {
        if (operands.isEmpty()) {
            throw error("missing value for command");
        }
        return new Command(List.copyOf(operands));
    }

    private int matchingParen(List<String> words, int open) throws TemplateException {
        int depth = 0;
        for (int i = open; i < words.size(); i++) {
            depth += words.get(i).equals("(") ? 1 : words.get(i).equals(")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw error("unclosed left paren");
    }

    private Operand operand(String word) throws TemplateException {
        char first = word.charAt(0);
        if (first == '"' || first == '`') {
            return new TemplateNode.Literal(ActionLexer.unquote(word));
        }
        if (first == '$' || first == '.') {
            List<String> parts = new ArrayList<>(Arrays.asList(word.split("\\.", -1)));
            String head = parts.remove(0);
            parts.removeIf(String::isEmpty);
            return first == '$' ? new TemplateNode.Variable(head, parts) : new TemplateNode.Dot(parts);
        }
        if (word.equals("true") || word.equals("false")) {
            return new TemplateNode.Literal(Boolean.parseBoolean(word));
        }
        if (Character.isDigit(first) || first == '-' || first == '+') {
            return new TemplateNode.Literal(number(word));
        }
        if (!TemplateFunctions.exists(word)) {
            throw error("function \"" + word + "\" not defined");
        }
        return new TemplateNode.Function(word);
    }

    private Object number(String word) throws TemplateException {
        try {
            return word.matches("[-+]?\\d+") ? (Object) Long.parseLong(word) : (Object) Double.parseDouble(word);
        } catch (NumberFormatException e) {
            throw error("bad number syntax: \"" + word + "\"");
        }
    }

    private String location() {
        int line = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return "template: " + name + ":" + line;
    }

    private TemplateException error(String detail) {
        return new TemplateException(location() + ": " + detail);
    }
}
