package io.bramble.fs.volume.create;

import java.util.Optional;

/**
 * What a brick's folder looks like on its machine, before anything is made.
 *
 * @param device the file system the folder is on ({@code st_dev}); when it does not exist
 *     yet, the one it would be made on
 * @param parentDevice the file system of the folder's parent (of its nearest existing
 *     ancestor when it does not exist)
 * @param rootDevice the file system of {@code /}
 * @param cannotMake why the folder could not be made, when it does not exist and cannot be
 */
public record FolderFacts(boolean exists, boolean directory, boolean empty, long device,
        long parentDevice, long rootDevice, Optional<String> cannotMake) {}
