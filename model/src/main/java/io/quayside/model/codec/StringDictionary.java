package io.quayside.model.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encoder side of the batch's string dictionary: each distinct string gets the next ref on first
 * use. First-use order keeps refs small for what comes first and makes repeated label patterns
 * repeat byte for byte, which deflate rewards.
 */
final class StringDictionary {
    private final Map<String, Integer> refs = new HashMap<>();
    private final List<String> strings = new ArrayList<>();

    int ref(String s) {
        Integer ref = refs.get(s);
        if (ref == null) {
            ref = strings.size();
            refs.put(s, ref);
            strings.add(s);
        }
        return ref;
    }

    void writeTo(ByteWriter out) {
        out.writeVarint(strings.size());
        for (String s : strings) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeVarint(utf8.length);
            out.writeBytes(utf8);
        }
    }
}
