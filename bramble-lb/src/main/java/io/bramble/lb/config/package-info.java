/**
 * The load balancer's configuration: the model (records, enums and HAProxy's defaults as named
 * constants, after defaults sections are applied) and {@link HaproxyConfigParser}, which fills
 * it from a haproxy.cfg through one keyword table per section. The engine reads the model.
 */
package io.bramble.lb.config;
