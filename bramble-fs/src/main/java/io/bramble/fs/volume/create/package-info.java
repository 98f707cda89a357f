/**
 * {@code volume create}: the command line read into a request, and Gluster's checks of it
 * (names, counts, hosts, bricks on one server, bricks inside bricks, the brick folder on its
 * machine). Pure apart from {@link io.bramble.fs.volume.create.BrickFolder}, which looks at
 * the folder on the machine that runs it.
 */
package io.bramble.fs.volume.create;
