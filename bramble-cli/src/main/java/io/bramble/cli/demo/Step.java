package io.bramble.cli.demo;

import java.util.function.Predicate;

/**
 * One failure of the recipe, or its repair, as the demo plays it.
 *
 * @param title what happens, as the output and {@code --help} name it
 * @param how what the demo does to make it happen
 * @param action does it
 * @param expected what every answer must show once the change took hold
 * @param outcome says the change in words: "all answers from web2"
 * @param settleCount answers in a row that must match before the change counts as done
 * @param noFailure true when a failed request makes the step fail too (taking the address
 *        back must not cost a request)
 */
record Step(String title, String how, Action action, Predicate<Sample> expected,
        String outcome, int settleCount, boolean noFailure) {
    /** The fault or repair itself. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /**
     * What the step did.
     *
     * @param step the step
     * @param behaved the change took hold in time (and, if asked, no request failed)
     * @param tookMs from the action to the first request of the settled answers, or -1
     * @param failed requests that failed meanwhile
     */
    record Result(Step step, boolean behaved, long tookMs, long failed) {}
}
