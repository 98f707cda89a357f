package io.bramble.common.config;

import io.bramble.common.error.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads config files with a size bound and a user-facing message when that fails. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** The file's text, UTF-8; fails with a {@link UserError} naming the file. */
    static String read(Path path, long bytesMax) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, bytesMax + 1));
            if (bytes.length > bytesMax) {
                throw UserError.usage(path + ": config file is larger than " + bytesMax
                        + " bytes; is it the right file?");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw UserError.usage(path + ": config file not found");
        } catch (IOException e) {
            throw UserError.usage(path + ": cannot read config file: " + e.getMessage());
        }
    }
}
