/**
 * The volume commands' outputs in Gluster 10's layouts ({@code volume info}, {@code list},
 * {@code status [detail]}, {@code get}, {@code profile}, {@code top}): pure functions from
 * records to text.
 */
package io.bramble.fs.volume.text;
