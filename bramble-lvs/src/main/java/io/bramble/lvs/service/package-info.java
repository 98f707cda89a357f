/**
 * A virtual service's state as keepalived's checker process and the IPVS table keep it: real
 * servers up and down, weights, quorum and the sorry server, and the scripts those changes
 * run; pure, driven by check results and the connections the director reports.
 */
package io.bramble.lvs.service;
