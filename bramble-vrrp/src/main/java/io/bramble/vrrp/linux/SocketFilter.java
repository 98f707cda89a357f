package io.bramble.vrrp.linux;

import io.bramble.common.check.Checks;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * A classic BPF program for {@code SO_ATTACH_FILTER}: the kernel runs it on every packet a
 * socket would receive and keeps the number of bytes it returns (0 drops the packet).
 *
 * @param instructions at most {@link #INSTRUCTIONS_MAX}
 */
public record SocketFilter(List<Instruction> instructions) {
    /** The kernel's limit (BPF_MAXINSNS). */
    public static final int INSTRUCTIONS_MAX = 4096;
    /** {@code ret #0}: a socket with this program alone receives nothing. */
    public static final SocketFilter DROP_ALL = new SocketFilter(List.of(
            Instruction.ret(0)));

    public SocketFilter {
        instructions = List.copyOf(instructions);
        Checks.argument(!instructions.isEmpty()
                && instructions.size() <= INSTRUCTIONS_MAX,
                "a socket filter has 1 to "
                        + INSTRUCTIONS_MAX + " instructions");
    }

    /** One {@code struct sock_filter}: opcode, jumps if true and false, constant. */
    public record Instruction(int code, int jumpTrue, int jumpFalse, int k) {
        private static final int LD_W_ABS = 0x20;
        private static final int LD_H_ABS = 0x28;
        private static final int JMP_JEQ_K = 0x15;
        private static final int RET_K = 0x06;

        /** Loads the 32-bit big-endian word at {@code offset} of the packet. */
        public static Instruction loadWord(int offset) {
            return new Instruction(LD_W_ABS, 0, 0, offset);
        }

        /** Loads the 16-bit big-endian half-word at {@code offset} of the packet. */
        public static Instruction loadHalf(int offset) {
            return new Instruction(LD_H_ABS, 0, 0, offset);
        }

        /** Skips {@code ifTrue} or {@code ifFalse} instructions as the loaded value is k. */
        public static Instruction jumpIfEqual(int k, int ifTrue, int ifFalse) {
            return new Instruction(JMP_JEQ_K, ifTrue, ifFalse, k);
        }

        /** Keeps {@code bytes} of the packet (0: drops it). */
        public static Instruction ret(int bytes) {
            return new Instruction(RET_K, 0, 0, bytes);
        }
    }

    /** {@code struct sock_fprog} and its instructions, in {@code arena}. */
    MemorySegment program(Arena arena) {
        MemorySegment code = arena.allocate(8L * instructions.size(), 8);
        for (int i = 0; i < instructions.size(); i++) {
            Instruction in = instructions.get(i);
            code.set(ValueLayout.JAVA_SHORT, 8L * i, (short) in.code());
            code.set(ValueLayout.JAVA_BYTE, 8L * i + 2, (byte) in.jumpTrue());
            code.set(ValueLayout.JAVA_BYTE, 8L * i + 3, (byte) in.jumpFalse());
            code.set(ValueLayout.JAVA_INT, 8L * i + 4, in.k());
        }
        MemorySegment program = arena.allocate(16, 8);
        program.set(ValueLayout.JAVA_SHORT, 0, (short) instructions.size());
        program.set(ValueLayout.ADDRESS, 8, code);
        return program;
    }
}
