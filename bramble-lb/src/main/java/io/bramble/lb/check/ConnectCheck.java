package io.bramble.lb.check;

/** The check without options: it passes at layer 4 once the connection is open. */
public final class ConnectCheck implements CheckConversation {
    private final CheckStep.Connect connect;

    /** @param connect where and how to connect */
    public ConnectCheck(CheckStep.Connect connect) {
        this.connect = connect;
    }

    @Override
    public CheckStep start() {
        return connect;
    }

    @Override
    public CheckStep connected() {
        return new CheckStep.Verdict(CheckStatus.L4OK, 0, "");
    }

    @Override
    public CheckStep written() {
        return connected();
    }

    @Override
    public CheckStep received(byte[] bytes, int offset, int length) {
        return connected();
    }

    @Override
    public CheckStep closed() {
        return connected();
    }

    @Override
    public CheckStep.Verdict timedOut(boolean connected) {
        return new CheckStep.Verdict(CheckStatus.L4TOUT, 0, "timeout");
    }
}
