package io.bramble.common.os;

/**
 * Opens every jar of the class path now. The JVM opens a jar only when it first looks for a
 * class there and keeps it open after; a process about to give up root calls this so that
 * classes it needs later still load when the jars lie where the new user may not read (a
 * home folder, a local Maven repository).
 */
public final class ClassPathFiles {
    /** A resource no jar has: looking for it makes the class loader open every jar in turn. */
    private static final String NOWHERE = "io/bramble/common/os/ClassPathFiles/none";

    private ClassPathFiles() {
    }

    /** Opens the jars of the application class loader and of {@code loader}'s own path. */
    public static void openAll(ClassLoader loader) {
        ClassLoader.getSystemResource(NOWHERE);
        loader.getResource(NOWHERE);
    }
}
