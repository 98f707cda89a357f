/**
 * Spark's jars: the pinned list a build of bramble runs, where a node finds them (its cache,
 * another member, the local Maven repository, Maven Central) and the cache that is a Spark
 * home for the master, the workers and submitted applications. Touches only its cache folder
 * and the sources it is given.
 */
package io.bramble.compute.jars;
