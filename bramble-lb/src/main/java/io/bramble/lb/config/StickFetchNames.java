package io.bramble.lb.config;

import io.bramble.common.config.Args;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the stick table fetches ACLs may use: {@code sc_DATA(N[,TABLE])},
 * {@code scN_DATA[([TABLE])]}, {@code src_DATA[([TABLE])]} and {@code table_cnt[([TABLE])]},
 * where DATA is one of {@link #DATA}.
 */
final class StickFetchNames {
    /** The data part of a fetch name, and what it reads. */
    static final Map<String, StickDataType> DATA = Map.ofEntries(
            Map.entry("conn_cur", StickDataType.CONN_CUR),
            Map.entry("conn_cnt", StickDataType.CONN_CNT),
            Map.entry("conn_rate", StickDataType.CONN_RATE),
            Map.entry("sess_cnt", StickDataType.SESS_CNT),
            Map.entry("sess_rate", StickDataType.SESS_RATE),
            Map.entry("http_req_cnt", StickDataType.HTTP_REQ_CNT),
            Map.entry("http_req_rate", StickDataType.HTTP_REQ_RATE),
            Map.entry("http_err_cnt", StickDataType.HTTP_ERR_CNT),
            Map.entry("http_err_rate", StickDataType.HTTP_ERR_RATE),
            Map.entry("get_gpc0", StickDataType.GPC0),
            Map.entry("inc_gpc0", StickDataType.GPC0),
            Map.entry("gpc0_rate", StickDataType.GPC0_RATE),
            Map.entry("get_gpt0", StickDataType.GPT0),
            Map.entry("bytes_in_rate", StickDataType.BYTES_IN_RATE),
            Map.entry("bytes_out_rate", StickDataType.BYTES_OUT_RATE));
    private static final Pattern NAME = Pattern.compile(
            "(sc_|sc([0-2])_|src_)([a-z0-9_]+)(?:\\(([^)]*)\\))?|table_cnt(?:\\(([^)]*)\\))?");

    private StickFetchNames() {
    }

    /**
     * The fetch {@code criterion} names, or empty when it names no stick table fetch; fails
     * on one that looks like such a fetch but is not one bramble reads. A table named or
     * implied is recorded for the check once the file is read.
     */
    static Optional<StickFetch> parse(ProxySection s, Args a, String criterion) {
        Matcher m = NAME.matcher(criterion);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(1) == null) {
            return Optional.of(table(s, a, StickFetch.Source.TABLE_COUNT, 0,
                    StickDataType.CONN_CUR, false, arguments(m.group(5)), 0, criterion));
        }
        StickDataType data = DATA.get(m.group(3));
        if (data == null) {
            throw a.fail("fetch " + Args.quote(criterion) + " is not supported by bramble; its "
                    + "stick counter fetches read " + String.join(", ", DATA.keySet()
                            .stream().sorted().toList()));
        }
        boolean increment = m.group(3).equals("inc_gpc0");
        List<String> arguments = arguments(m.group(4));
        return Optional.of(switch (m.group(1)) {
            case "sc_" -> {
                if (arguments.isEmpty()) {
                    throw a.fail(criterion + " needs its stick counter: sc_" + m.group(3)
                            + "(N[,TABLE])");
                }
                int counter = counter(a, arguments.get(0));
                yield tracked(s, a, counter, data, increment, arguments.subList(1,
                        arguments.size()), criterion);
            }
            case "src_" -> table(s, a, StickFetch.Source.CLIENT_ADDRESS, 0, data, increment,
                    arguments, 0, criterion);
            default -> tracked(s, a, Integer.parseInt(m.group(2)), data, increment, arguments,
                    criterion);
        });
    }

    private static StickFetch tracked(ProxySection s, Args a, int counter, StickDataType data,
            boolean increment, List<String> arguments, String criterion) {
        if (arguments.isEmpty()) {
            return new StickFetch(StickFetch.Source.TRACKED, counter, data, increment,
                    Optional.empty());
        }
        return table(s, a, StickFetch.Source.TRACKED, counter, data, increment, arguments, 0,
                criterion);
    }

    private static StickFetch table(ProxySection s, Args a, StickFetch.Source source,
            int counter, StickDataType data, boolean increment, List<String> arguments,
            int first, String criterion) {
        if (arguments.size() > first + 1) {
            throw a.fail(criterion + " takes one table at most");
        }
        String table = arguments.size() > first ? arguments.get(first) : s.builder.name;
        s.tableReferences.add(new StickTableReferences.Reference(table, a.where(),
                a.keyword()));
        return new StickFetch(source, counter, data, increment, Optional.of(table));
    }

    private static int counter(Args a, String written) {
        if (!written.matches("[0-2]")) {
            throw a.unexpected("a stick counter from 0 to 2", written);
        }
        return Integer.parseInt(written);
    }

    private static List<String> arguments(String inside) {
        return inside == null || inside.isEmpty() ? List.of() : List.of(inside.split(",", -1));
    }
}
