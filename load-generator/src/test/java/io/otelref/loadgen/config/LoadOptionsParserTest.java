package io.otelref.loadgen.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class LoadOptionsParserTest {

    /** An option line of the usage text: two spaces, then the flag (and "-h, --help"). */
    private static final Pattern OPTION_LINE = Pattern.compile("^  (-h, )?(--[a-z0-9-]+)", Pattern.MULTILINE);

    /** The help text is written by hand for the reader; it must name exactly the flags the parser takes. */
    @Test
    void theUsageTextListsEveryFlagTheParserTakesAndNoOther() {
        TreeSet<String> listed = new TreeSet<>();
        Matcher line = OPTION_LINE.matcher(LoadOptionsParser.USAGE);
        while (line.find()) {
            if (line.group(1) != null) {
                listed.add("-h");
            }
            listed.add(line.group(2));
        }
        assertEquals(List.copyOf(listed), LoadOptionsParser.flags());
    }
}
