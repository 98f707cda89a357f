/**
 * The volume options bramble supports ({@code volume set|get|reset}): one table entry per
 * option with its default, its check and what it does. Pure: no store, no disk.
 */
package io.bramble.fs.volume.option;
