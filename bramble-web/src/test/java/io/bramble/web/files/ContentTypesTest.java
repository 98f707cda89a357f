package io.bramble.web.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                    "index.html|text/html; charset=utf-8",
                    "INDEX.HTM|text/html; charset=utf-8",
                    "lb-check.txt|text/plain; charset=utf-8",
                    "site.css|text/css; charset=utf-8",
                    "app.js|text/javascript; charset=utf-8",
                    "data.json|application/json; charset=utf-8",
                    "logo.svg|image/svg+xml; charset=utf-8",
                    "photo.JPG|image/jpeg",
                    "icon.png|image/png",
                    "font.woff2|font/woff2",
                    "doc.pdf|application/pdf",
                    "archive.tar.gz|application/gzip",
                    "README|application/octet-stream",
                    "weird.|application/octet-stream",
                    "a.unknownext|application/octet-stream",
                    ".bashrc|application/octet-stream"})
    void typesFilesByExtension(String name, String type) {
        assertThat(ContentTypes.of(name)).isEqualTo(type);
    }
}
