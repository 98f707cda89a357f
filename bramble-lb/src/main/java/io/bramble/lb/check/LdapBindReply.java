package io.bramble.lb.check;

import io.bramble.lb.check.TcpCheckExpectation.Outcome;

/**
 * {@code option ldap-check}'s verdict on the reply to its anonymous bind (RFC 4511): an
 * LDAPMessage (0x30) with message ID 1 (02 01 01) holding a bindResponse (0x61) whose
 * resultCode (0A 01 NN) is 0. BER lengths of up to 2 bytes (message) and 4 bytes (response)
 * are read, as HAProxy reads them; the step before waits for 14 bytes.
 */
final class LdapBindReply {
    private static final byte[] MESSAGE_ID_AND_BIND_RESPONSE = {0x02, 0x01, 0x01, 0x61};
    private static final byte[] ENUMERATED_ONE_BYTE = {0x0a, 0x01};
    private static final String NOT_LDAP = "Not LDAPv3 protocol";

    private LdapBindReply() {
    }

    static Outcome judge(TcpCheck script, int index, byte[] input, int length) {
        if (length < 2) {
            return notLdap();
        }
        int extra = longForm(input[1]);
        if (extra > 2 || !at(input, length, 2 + extra, MESSAGE_ID_AND_BIND_RESPONSE)) {
            return notLdap();
        }
        if (extra + 6 >= length) {
            return notLdap();
        }
        extra += longForm(input[extra + 6]);
        if (extra > 4 || !at(input, length, 7 + extra, ENUMERATED_ONE_BYTE)
                || extra + 9 >= length) {
            return notLdap();
        }
        int resultCode = input[extra + 9] & 0xff;
        if (resultCode != 0) {
            return new Outcome.Stop(new CheckStep.Verdict(CheckStatus.L7STS, resultCode,
                    "See RFC: http://tools.ietf.org/html/rfc4511#section-4.1.9"));
        }
        if (index + 1 < script.rules.size()) {
            return Outcome.PASS;
        }
        return new Outcome.Stop(new CheckStep.Verdict(CheckStatus.L7OK, 0, "Success"));
    }

    /** Bytes of a BER length in long form (0 for the short form). */
    private static int longForm(byte lengthByte) {
        return (lengthByte & 0x80) != 0 ? lengthByte & 0x7f : 0;
    }

    private static boolean at(byte[] input, int length, int offset, byte[] wanted) {
        if (offset + wanted.length > length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (input[offset + i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }

    private static Outcome notLdap() {
        return new Outcome.Stop(new CheckStep.Verdict(CheckStatus.L7RSP, 0, NOT_LDAP));
    }
}
