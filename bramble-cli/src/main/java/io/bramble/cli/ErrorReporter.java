package io.bramble.cli;

import io.bramble.common.error.UserError;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns errors into one line on stderr that says what to do, and an exit code: 2 for usage
 * and configuration errors, 1 for failures at run time. {@code --debug} adds the stack trace.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine line = ex.getCommandLine().getCommandSpec().root().commandLine();
        String path = ex.getCommandLine().getCommandSpec().qualifiedName();
        line.getErr().println("bramble: " + ex.getMessage() + " (see '" + helpCommand(path)
                + "')");
        debugTrace(line, ex);
        return UserError.EXIT_USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine line, ParseResult parsed) {
        CommandLine root = line.getCommandSpec().root().commandLine();
        if (ex instanceof UserError user) {
            root.getErr().println(prefixed(user.getMessage()));
            debugTrace(root, ex);
            return user.exitCode();
        }
        root.getErr().println("bramble: " + describe(ex)
                + " (run again with --debug for the stack trace)");
        debugTrace(root, ex);
        return UserError.EXIT_RUNTIME;
    }

    private static String helpCommand(String qualifiedName) {
        String rest = qualifiedName.replaceFirst("^bramble\\s*", "");
        return rest.isEmpty() ? "bramble help" : "bramble help " + rest;
    }

    private static String prefixed(String message) {
        return message.startsWith("bramble") ? message : "bramble: " + message;
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        return message == null ? ex.getClass().getSimpleName() : message;
    }

    private static void debugTrace(CommandLine line, Throwable ex) {
        if (DebugOption.enabled() || Boolean.getBoolean("bramble.debug")) {
            ex.printStackTrace(line.getErr());
        }
    }
}
