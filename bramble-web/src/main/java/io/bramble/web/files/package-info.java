/**
 * Which file a request names and how it is typed: request paths decoded and kept under the
 * root, the lookup on disk (index files, symbolic links, redirects) and content types. No
 * network code here.
 */
package io.bramble.web.files;
