package io.otelref.observability.waterfall;

/**
 * How a waterfall is drawn: ANSI colours and box-drawing characters for a terminal, plain ASCII for
 * logs, CI output and files, where escape codes would be noise.
 */
public enum WaterfallStyle {

    PLAIN("!", "#", "=", "|- ", "`- ", "|  "),
    ANSI("✗", "█", "░", "├─ ", "└─ ", "│  ");

    static final String CRITICAL_MARK = "*";
    static final String ORPHAN_MARK = "?";

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String RED = "\u001B[31m";
    private static final String YELLOW = "\u001B[33m";
    private static final String DIM = "\u001B[2m";

    final String errorMark;
    final String criticalBar;
    final String otherBar;
    final String branch;
    final String lastBranch;
    final String continuation;

    WaterfallStyle(String errorMark, String criticalBar, String otherBar, String branch, String lastBranch,
            String continuation) {
        this.errorMark = errorMark;
        this.criticalBar = criticalBar;
        this.otherBar = otherBar;
        this.branch = branch;
        this.lastBranch = lastBranch;
        this.continuation = continuation;
    }

    /** Error beats orphan beats critical path: the most actionable fact sets the colour. */
    String colour(String line, boolean error, boolean orphan, boolean critical) {
        if (this == PLAIN) {
            return line;
        }
        if (error) {
            return RED + line + RESET;
        }
        if (orphan) {
            return YELLOW + line + RESET;
        }
        return critical ? BOLD + line + RESET : line;
    }

    String dim(String text) {
        return this == PLAIN ? text : DIM + text + RESET;
    }
}
