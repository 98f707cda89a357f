package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.ConfigLine;
import io.bramble.common.config.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * An ACL written in a condition between braces, {@code { ssl_fc }} or
 * {@code !{ path_beg /api }}: declared on the spot under a generated name, as if an
 * {@code acl} line stood above the rule.
 */
final class AnonymousAcl {
    /** Words between the braces; an ACL line is short. */
    static final int WORDS_MAX = 256;

    private AnonymousAcl() {
    }

    /** Reads up to the closing brace; the opening one was read. */
    static AclTerm read(ProxySection section, Args args, boolean negated) {
        List<String> words = new ArrayList<>();
        String name = "anonymous-acl-" + (section.builder.acls.size() + 1);
        words.add("acl");
        words.add(name);
        while (true) {
            String word = args.next("an ACL criterion and patterns, then '}'");
            if (word.equals("}")) {
                break;
            }
            if (words.size() >= WORDS_MAX) {
                throw args.fail("no '}' within " + WORDS_MAX + " words of '{'");
            }
            words.add(word);
        }
        if (words.size() == 2) {
            throw args.fail("expected an ACL criterion between '{' and '}', got nothing");
        }
        ConfigLine line = new ConfigLine(args.where(), words);
        Args inner = new Args(line, 1, new Diagnostics());
        AclKeyword.acl(section, inner);
        return new AclTerm(name, negated);
    }
}
