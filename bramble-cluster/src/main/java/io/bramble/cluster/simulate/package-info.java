/**
 * Text reports of the policy engine's decisions in the layout of Pacemaker's crm_simulate:
 * current status, transition summary, revised status. Pure: strings in, strings out.
 */
package io.bramble.cluster.simulate;
