/**
 * The IPVS schedulers as pure classes behind {@link io.bramble.lvs.schedule.Scheduler}, and
 * client persistence; no sockets, threads or clocks of their own.
 */
package io.bramble.lvs.schedule;
