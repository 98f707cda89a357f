package io.bramble.lb.check;

import io.bramble.lb.config.HttpCheckConfig;

/**
 * {@code option httpchk} as a conversation: connect, send the request, read the first line
 * (or everything up to {@link HttpCheckConfig#RESPONSE_BYTES_MAX} when the body matters) and
 * let {@link HttpCheck} judge.
 */
public final class HttpConversation implements CheckConversation {
    private final HttpCheck http;
    private final CheckStep.Connect connect;
    private final byte[] response = new byte[HttpCheckConfig.RESPONSE_BYTES_MAX];
    private int length;

    /**
     * @param http the request and its verdict
     * @param connect where and how to connect
     */
    public HttpConversation(HttpCheck http, CheckStep.Connect connect) {
        this.http = http;
        this.connect = connect;
    }

    @Override
    public CheckStep start() {
        return connect;
    }

    @Override
    public CheckStep connected() {
        return new CheckStep.Write(http.request());
    }

    @Override
    public CheckStep written() {
        return CheckStep.READ;
    }

    @Override
    public CheckStep received(byte[] bytes, int offset, int count) {
        int take = Math.min(count, response.length - length);
        System.arraycopy(bytes, offset, response, length, take);
        length += take;
        if (length == response.length || (!http.needsBody() && hasFirstLine())) {
            return verdict();
        }
        return CheckStep.READ;
    }

    @Override
    public CheckStep closed() {
        if (length == 0) {
            return new CheckStep.Verdict(CheckStatus.L7RSP, 0,
                    "connection closed without a response");
        }
        return verdict();
    }

    @Override
    public CheckStep.Verdict timedOut(boolean connected) {
        return new CheckStep.Verdict(connected ? CheckStatus.L7TOUT : CheckStatus.L4TOUT, 0,
                "timeout");
    }

    private CheckStep.Verdict verdict() {
        CheckResult result = http.judge(response, length, 0);
        return new CheckStep.Verdict(result.status(), result.httpStatus(), result.info());
    }

    private boolean hasFirstLine() {
        for (int i = 0; i + 1 < length; i++) {
            if (response[i] == '\r' && response[i + 1] == '\n') {
                return true;
            }
        }
        return false;
    }
}
