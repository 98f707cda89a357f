package io.bramble.lb.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as {@code haproxy -v} writes it and {@code version_atleast()} reads it:
 * {@code 2.4}, {@code 2.6.12}, {@code 2.4-dev19}, {@code 2.5-rc1}, {@code 2.6.12-1}; missing
 * numbers are zero, a development or release candidate comes before its release, a
 * packaging suffix ({@code -1}) after it.
 *
 * @param major the first number
 * @param minor the second, 0 when missing
 * @param patch the third, 0 when missing
 * @param stage 0 dev, 1 pre, 2 rc, 3 release, 4 packaged
 * @param stageNumber the number after the stage ({@code 19} of {@code -dev19})
 */
record HaproxyVersion(int major, int minor, int patch, int stage, long stageNumber)
        implements
            Comparable<HaproxyVersion> {
    private static final Pattern FORM = Pattern.compile(
            "(\\d{1,4})(?:\\.(\\d{1,4}))?(?:\\.(\\d{1,4}))?(?:-(dev|pre|rc)?(\\d{1,9}))?");

    /** Reads a version; throws {@link IllegalArgumentException} when it is not one. */
    static HaproxyVersion parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a version such as 2.4, 2.6.12 or "
                    + "2.4-dev19, got '" + text + "'");
        }
        int[] numbers = new int[3];
        for (int i = 0; i < 3; i++) {
            numbers[i] = m.group(i + 1) == null ? 0 : Integer.parseInt(m.group(i + 1));
        }
        if (m.group(5) == null) {
            return new HaproxyVersion(numbers[0], numbers[1], numbers[2], 3, 0);
        }
        int stage = m.group(4) == null ? 4 : switch (m.group(4)) {
            case "dev" -> 0;
            case "pre" -> 1;
            default -> 2;
        };
        return new HaproxyVersion(numbers[0], numbers[1], numbers[2], stage,
                Long.parseLong(m.group(5)));
    }

    @Override
    public int compareTo(HaproxyVersion other) {
        return java.util.Comparator.comparingInt(HaproxyVersion::major)
                .thenComparingInt(HaproxyVersion::minor)
                .thenComparingInt(HaproxyVersion::patch)
                .thenComparingInt(HaproxyVersion::stage)
                .thenComparingLong(HaproxyVersion::stageNumber)
                .compare(this, other);
    }
}
