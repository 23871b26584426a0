package io.quayside.functions.promql.script;

import io.quayside.functions.promql.ast.Aggregation;
import io.quayside.functions.promql.ast.BinaryExpr;
import io.quayside.functions.promql.ast.Call;
import io.quayside.functions.promql.ast.Expr;
import io.quayside.functions.promql.ast.MatrixSelector;
import io.quayside.functions.promql.ast.ParenExpr;
import io.quayside.functions.promql.ast.Subquery;
import io.quayside.functions.promql.ast.UnaryMinus;
import io.quayside.functions.promql.ast.VectorSelector;
import io.quayside.functions.promql.functions.FunctionRegistry;
import io.quayside.functions.promql.parser.Parser;
import io.quayside.functions.promql.PromqlException;
import io.quayside.model.Labels;

import java.util.ArrayList;
import java.util.List;

/** Native histograms are out of scope for Quayside: cases that need them are skipped, with the reason. */
final class SkipPolicy {
    private SkipPolicy() {
    }

    /** Why the case is skipped, or null to run it. */
    static String reason(EvalCase c) {
        if (c.expectsHistogram()) {
            return "native histogram in the expected result";
        }
        Expr expr;
        try {
            expr = Parser.parse(c.expr());
        } catch (PromqlException e) {
            return null;
        }
        List<Expr> nodes = new ArrayList<>();
        collect(expr, nodes);
        for (Expr node : nodes) {
            if (node instanceof Call call && !FunctionRegistry.isSupported(call.function().name())) {
                return "native-histogram-only function " + call.function().name() + "()";
            }
            if (node instanceof VectorSelector selector) {
                Labels histogram = c.dataset().histogramSeriesMatching(selector.matchers());
                if (histogram != null) {
                    return "selects native histogram series " + histogram;
                }
            }
        }
        return null;
    }

    private static void collect(Expr expr, List<Expr> out) {
        out.add(expr);
        List<Expr> children = new ArrayList<>();
        if (expr instanceof ParenExpr e) {
            children.add(e.expr());
        } else if (expr instanceof UnaryMinus e) {
            children.add(e.expr());
        } else if (expr instanceof MatrixSelector e) {
            children.add(e.selector());
        } else if (expr instanceof Subquery e) {
            children.add(e.expr());
        } else if (expr instanceof BinaryExpr e) {
            children.add(e.lhs());
            children.add(e.rhs());
        } else if (expr instanceof Aggregation e) {
            children.add(e.expr());
            if (e.param() != null) {
                children.add(e.param());
            }
        } else if (expr instanceof Call e) {
            children.addAll(e.args());
        }
        children.forEach(child -> collect(child, out));
    }
}
