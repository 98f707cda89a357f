package io.bramble.lb.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * A datum a stick table stores for each key ({@code store NAME[(PERIOD)],...}): a counter, a
 * tag ({@code gpt0}), or an event rate over a period written after its name.
 */
public enum StickDataType {
    /** Connections tracking the entry now. */
    CONN_CUR("conn_cur", false),
    /** Connections that tracked the entry. */
    CONN_CNT("conn_cnt", false), CONN_RATE("conn_rate", true),
    /** Connections accepted by the tcp-request connection rules while tracking the entry. */
    SESS_CNT("sess_cnt", false), SESS_RATE("sess_rate", true), HTTP_REQ_CNT("http_req_cnt",
            false), HTTP_REQ_RATE("http_req_rate", true),
    /** Responses with a 4xx status, and requests refused as malformed. */
    HTTP_ERR_CNT("http_err_cnt", false), HTTP_ERR_RATE("http_err_rate", true),
    /** General purpose counter 0, raised by {@code sc-inc-gpc0} and {@code sc_inc_gpc0}. */
    GPC0("gpc0", false), GPC0_RATE("gpc0_rate", true),
    /** General purpose tag 0, set by {@code sc-set-gpt0}. */
    GPT0("gpt0", false), BYTES_IN_CNT("bytes_in_cnt", false), BYTES_IN_RATE("bytes_in_rate",
            true), BYTES_OUT_CNT("bytes_out_cnt", false), BYTES_OUT_RATE("bytes_out_rate", true);

    private final String word;
    private final boolean rate;

    StickDataType(String word, boolean rate) {
        this.word = word;
        this.rate = rate;
    }

    /** The name in a {@code store} list and in fetch names. */
    public String word() {
        return word;
    }

    /** It counts events over a period, written {@code NAME(PERIOD)}. */
    public boolean rate() {
        return rate;
    }

    /** The type of that name, if bramble stores it. */
    public static Optional<StickDataType> named(String word) {
        return Arrays.stream(values()).filter(t -> t.word.equals(word)).findFirst();
    }
}
