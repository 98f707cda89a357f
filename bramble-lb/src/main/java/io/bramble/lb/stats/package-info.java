/**
 * Traffic counters per proxy side and per server, and their renderings: the HTML status page,
 * HAProxy-ordered CSV, Prometheus text, and the stats-page admin commands. Rendering is pure
 * over {@link io.bramble.lb.stats.StatsReport}; the proxy package fills the counters.
 */
package io.bramble.lb.stats;
