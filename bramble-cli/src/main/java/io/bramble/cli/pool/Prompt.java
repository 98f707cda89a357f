package io.bramble.cli.pool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/** Gluster's y/n question before a command that loses access to data. */
public final class Prompt {
    /** How the user answered. */
    public enum Answer {
        YES, NO, NO_INPUT
    }

    private Prompt() {
    }

    /**
     * Prints {@code question (y/n) } and reads one line: {@code y} or {@code yes} in any case
     * is yes; anything else is no, after Gluster's line for input it does not understand;
     * the end of the input is {@link Answer#NO_INPUT}.
     */
    public static Answer ask(String question, BufferedReader in, PrintWriter out) {
        out.print(question + " (y/n) ");
        out.flush();
        String line;
        try {
            line = in.readLine();
        } catch (IOException e) {
            line = null;
        }
        if (line == null) {
            out.println();
            out.flush();
            return Answer.NO_INPUT;
        }
        String answer = line.strip().toLowerCase(Locale.ROOT);
        if (answer.equals("y") || answer.equals("yes")) {
            return Answer.YES;
        }
        if (!answer.equals("n") && !answer.equals("no")) {
            out.println("Invalid input, please enter y/n");
            out.flush();
        }
        return Answer.NO;
    }
}
