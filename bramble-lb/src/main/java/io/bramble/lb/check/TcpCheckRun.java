package io.bramble.lb.check;

import io.bramble.lb.config.HttpCheckConfig;
import io.bramble.lb.config.TcpCheckRule;
import io.bramble.lb.config.TcpCheckRule.Connect;
import io.bramble.lb.config.TcpCheckRule.Expect;
import io.bramble.lb.config.TcpCheckRule.Send;

/**
 * One run of a check script, HAProxy's way: a connect or a send forgets what was received;
 * an expect judges what was received since, waiting for more while the reply may still
 * match; consecutive expects judge the same bytes; the script passes when its last step does
 * (with that step's status: L4OK after a connect, the expect's after an expect).
 */
public final class TcpCheckRun implements CheckConversation {
    private final TcpCheck script;
    private final long unixSeconds;
    /** What was received since the last connect or send, bounded as HAProxy's check buffer. */
    private final byte[] input = new byte[HttpCheckConfig.RESPONSE_BYTES_MAX];
    private int length;
    /** No more bytes will come: the server closed, or the buffer is full. */
    private boolean lastRead;
    /** The step being run. */
    private int index;
    /** The last step run to its end, for the final status. */
    private TcpCheckRule last;

    TcpCheckRun(TcpCheck script, long unixSeconds) {
        this.script = script;
        this.unixSeconds = unixSeconds;
    }

    @Override
    public CheckStep start() {
        index = 0;
        return run();
    }

    @Override
    public CheckStep connected() {
        last = script.rules.get(index);
        index++;
        return run();
    }

    @Override
    public CheckStep written() {
        return run();
    }

    @Override
    public CheckStep received(byte[] bytes, int offset, int count) {
        int take = Math.min(count, input.length - length);
        System.arraycopy(bytes, offset, input, length, take);
        length += take;
        if (length == input.length) {
            lastRead = true;
        }
        return run();
    }

    @Override
    public CheckStep closed() {
        lastRead = true;
        if (index < script.rules.size() && !(script.rules.get(index) instanceof Expect)) {
            return new CheckStep.Verdict(CheckStatus.L7RSP, 0, "connection closed by the "
                    + "server at step " + script.stepNumber(index) + comment(index));
        }
        return run();
    }

    @Override
    public CheckStep.Verdict timedOut(boolean connected) {
        if (!connected) {
            return new CheckStep.Verdict(CheckStatus.L4TOUT, 0, "timeout");
        }
        CheckStatus status = CheckStatus.L7TOUT;
        if (index < script.rules.size() && script.rules.get(index) instanceof Expect e) {
            status = CheckStatus.valueOf(e.status().timeout());
        }
        return new CheckStep.Verdict(status, 0, "timeout at step " + script.stepNumber(index)
                + comment(index));
    }

    private CheckStep run() {
        while (index < script.rules.size()) {
            TcpCheckRule rule = script.rules.get(index);
            switch (rule) {
                case Connect connect -> {
                    length = 0;
                    lastRead = false;
                    return new CheckStep.Connect(connect.port(), connect.ssl(),
                            connect.linger(), connect.serverDefaults());
                }
                case Send send -> {
                    length = 0;
                    last = send;
                    index++;
                    return new CheckStep.Write(bytes(send));
                }
                case TcpCheckRule.Comment comment -> index++;
                case Expect expect -> {
                    CheckStep waitOrVerdict = expect(expect);
                    if (waitOrVerdict != null) {
                        return waitOrVerdict;
                    }
                    last = expect;
                    index++;
                }
            }
        }
        return passed();
    }

    /** Null when the step passed, else what to do: read more, or the failure. */
    private CheckStep expect(Expect expect) {
        if (length == 0) {
            if (!lastRead) {
                return CheckStep.READ;
            }
            return new CheckStep.Verdict(CheckStatus.L7RSP, 0, "TCPCHK got an empty response "
                    + "at step " + script.stepNumber(index) + comment(index));
        }
        TcpCheckExpectation.Outcome outcome = TcpCheckExpectation.judge(script, index, input,
                length, lastRead);
        return switch (outcome) {
            case TcpCheckExpectation.Outcome.Pass pass -> null;
            case TcpCheckExpectation.Outcome.Wait wait -> {
                index = head(index);
                yield CheckStep.READ;
            }
            case TcpCheckExpectation.Outcome.Stop stop -> stop.verdict();
        };
    }

    /**
     * Where to start again after waiting: the first negated expect of the run of expects
     * this one ends, or this one, as HAProxy re-judges after more bytes arrive.
     */
    private int head(int at) {
        int head = at;
        for (int i = at - 1; i >= 0; i--) {
            TcpCheckRule previous = script.rules.get(i);
            if (previous instanceof Expect expect && expect.negated()) {
                head = i;
            } else if (!(previous instanceof Expect)
                    && !(previous instanceof TcpCheckRule.Comment)) {
                break;
            }
        }
        return head;
    }

    private CheckStep.Verdict passed() {
        return switch (last) {
            case Connect connect -> new CheckStep.Verdict(connect.ssl()
                    ? CheckStatus.L6OK
                    : CheckStatus.L4OK, 0, script.implicitConnect ? "" : "(tcp-check)");
            case Send send -> new CheckStep.Verdict(CheckStatus.L7OK, 0, "(tcp-check)");
            case Expect expect -> TcpCheckExpectation.passed(script, expect, input, length);
            case TcpCheckRule.Comment comment -> new CheckStep.Verdict(CheckStatus.L7OK, 0,
                    "(tcp-check)");
            case null -> new CheckStep.Verdict(CheckStatus.L7OK, 0, "(tcp-check)");
        };
    }

    private byte[] bytes(Send send) {
        byte[] bytes = send.bytes();
        if (send.unixTimeAt() != Send.NO_TIME) {
            for (int i = 0; i < 4; i++) {
                bytes[send.unixTimeAt() + i] = (byte) (unixSeconds >>> (24 - 8 * i));
            }
        }
        return bytes;
    }

    private String comment(int at) {
        String text = script.rules.get(Math.min(at, script.rules.size() - 1)).comment();
        return text.isEmpty() ? "" : " comment: '" + text + "'";
    }
}
