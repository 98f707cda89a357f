package io.bramble.fs.brick.profile;

/**
 * The calls {@code volume top} ranks files by, by Gluster's words: opens (creates count as
 * opens), reads, writes, directories opened (a listing's first page, as bramble has no
 * separate opendir) and listing pages read.
 */
public enum TopKind {
    OPEN("open"), READ("read"), WRITE("write"), OPENDIR("opendir"), READDIR("readdir");

    private final String word;

    TopKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
