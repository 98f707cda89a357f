/**
 * Tests of the test kit with real bramble processes: groups started and stopped, cleanup after
 * failed, timed-out and killed test runs, faults, and a network-namespace lab.
 */
package io.bramble.it.testkit;
