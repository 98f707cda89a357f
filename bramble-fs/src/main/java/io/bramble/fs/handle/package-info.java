/**
 * Numbered handles for the translators: each layer hands out its own handle numbers and keeps
 * what they stand for below it in a bounded table. Owns that table and nothing else.
 */
package io.bramble.fs.handle;
