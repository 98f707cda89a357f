package io.bramble.web.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.web.files.FileLookup.Forbidden;
import io.bramble.web.files.FileLookup.Found;
import io.bramble.web.files.FileLookup.NotFound;
import io.bramble.web.files.FileLookup.Redirect;
import io.bramble.web.files.FileLookup.RegularFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLookupTest {
    @TempDir
    Path temp;
    private Path root;
    private FileLookup lookup;

    @BeforeEach
    void site() throws IOException {
        root = Files.createDirectories(temp.resolve("site"));
        Files.writeString(root.resolve("index.html"), "home");
        Files.writeString(root.resolve("page.txt"), "page");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/index.html"), "docs");
        Files.createDirectories(root.resolve("bare"));
        Files.writeString(temp.resolve("secret.txt"), "secret");
        Files.createDirectories(temp.resolve("outside"));
        Files.writeString(temp.resolve("outside/index.html"), "outside");
        lookup = new FileLookup(root);
    }

    @Test
    void findsRegularFilesWithSizeAndTime() throws IOException {
        Found found = find("/page.txt");
        assertThat(found).isInstanceOf(RegularFile.class);
        RegularFile file = (RegularFile) found;
        assertThat(file.path()).isEqualTo(root.toRealPath().resolve("page.txt"));
        assertThat(file.name()).isEqualTo("page.txt");
        assertThat(file.sizeBytes()).isEqualTo(4);
        assertThat(file.modifiedEpochMillis()).isEqualTo(Files.getLastModifiedTime(root
                .resolve("page.txt")).toMillis());
    }

    @Test
    void servesTheIndexOfADirectory() throws IOException {
        assertThat(pathOf(find("/"))).isEqualTo(root.toRealPath().resolve("index.html"));
        assertThat(((RegularFile) find("/")).name()).isEqualTo("index.html");
        assertThat(pathOf(find("/docs/"))).isEqualTo(root.toRealPath().resolve(
                "docs/index.html"));
    }

    @Test
    void redirectsADirectoryNamedWithoutItsSlash() {
        assertThat(find("/docs")).isEqualTo(new Redirect("/docs/"));
        assertThat(find("/docs?x=1")).isEqualTo(new Redirect("/docs/?x=1"));
    }

    @Test
    void forbidsADirectoryWithoutIndex() {
        assertThat(find("/bare/")).isInstanceOf(Forbidden.class);
    }

    @Test
    void doesNotFindWhatIsNotThere() {
        assertThat(find("/missing.txt")).isEqualTo(new NotFound());
        assertThat(find("/page.txt/")).isEqualTo(new NotFound());
        assertThat(find("/page.txt/more")).isEqualTo(new NotFound());
        assertThat(find("/missing/deeper/")).isEqualTo(new NotFound());
    }

    @Test
    void followsLinksThatStayInsideTheRoot() throws IOException {
        Files.createSymbolicLink(root.resolve("alias.txt"), Path.of("page.txt"));
        Files.createSymbolicLink(root.resolve("manual"), Path.of("docs"));
        assertThat(pathOf(find("/alias.txt"))).isEqualTo(root.toRealPath().resolve("page.txt"));
        assertThat(((RegularFile) find("/alias.txt")).name()).isEqualTo("alias.txt");
        assertThat(pathOf(find("/manual/"))).isEqualTo(root.toRealPath().resolve(
                "docs/index.html"));
    }

    @Test
    void forbidsLinksThatLeaveTheRoot() throws IOException {
        Files.createSymbolicLink(root.resolve("escape.txt"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("relative.txt"), Path.of("../secret.txt"));
        Files.createSymbolicLink(root.resolve("out"), temp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("bare/index.html"), temp.resolve("secret.txt"));
        assertThat(find("/escape.txt")).isInstanceOf(Forbidden.class);
        assertThat(find("/relative.txt")).isInstanceOf(Forbidden.class);
        assertThat(find("/out/")).isInstanceOf(Forbidden.class);
        assertThat(find("/out/index.html")).isInstanceOf(Forbidden.class);
        assertThat(find("/bare/")).isInstanceOf(Forbidden.class);
    }

    @Test
    void aBrokenLinkIsNotFound() throws IOException {
        Files.createSymbolicLink(root.resolve("dangling.txt"), Path.of("gone.txt"));
        assertThat(find("/dangling.txt")).isEqualTo(new NotFound());
    }

    @Test
    void servesARootReachedThroughALink() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("www"), root);
        FileLookup throughLink = new FileLookup(link);
        assertThat(pathOf(throughLink.find(path("/page.txt")))).isEqualTo(root.toRealPath()
                .resolve("page.txt"));
    }

    @Test
    void forbidsFilesThatAreNotRegular() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("pipe").toString())
                .inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        assertThat(find("/pipe")).isInstanceOf(Forbidden.class);
    }

    private Found find(String target) {
        return lookup.find(path(target));
    }

    private static RequestPath path(String target) {
        return ((RequestPath.Valid) RequestPath.parse(target)).path();
    }

    private static Path pathOf(Found found) {
        assertThat(found).isInstanceOf(RegularFile.class);
        return ((RegularFile) found).path();
    }
}
