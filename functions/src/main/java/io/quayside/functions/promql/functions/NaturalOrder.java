package io.quayside.functions.promql.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Natural string order (runs of digits compare as numbers), as the natsort package Prometheus uses. */
final class NaturalOrder {
    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

    private NaturalOrder() {
    }

    static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        return lessThan(a, b) ? -1 : 1;
    }

    private static boolean lessThan(String a, String b) {
        List<String> chunksA = chunks(a);
        List<String> chunksB = chunks(b);
        for (int i = 0; i < chunksA.size(); i++) {
            if (i >= chunksB.size()) {
                return false;
            }
            String x = chunksA.get(i);
            String y = chunksB.get(i);
            Long xNumber = asNumber(x);
            Long yNumber = asNumber(y);
            boolean equal = xNumber != null && yNumber != null ? xNumber.equals(yNumber) : x.equals(y);
            if (!equal) {
                return xNumber != null && yNumber != null ? xNumber < yNumber : x.compareTo(y) < 0;
            }
            if (i == chunksA.size() - 1) {
                return true;
            }
            if (i == chunksB.size() - 1) {
                return false;
            }
        }
        return false;
    }

    private static List<String> chunks(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = CHUNK.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Long asNumber(String chunk) {
        if (!Character.isDigit(chunk.charAt(0)) || chunk.length() > 18) {
            return null;
        }
        return Long.parseLong(chunk);
    }
}
