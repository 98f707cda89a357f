/**
 * The load balancer's configuration as data: what a haproxy.cfg says, after defaults sections
 * are applied. Plain records, enums and HAProxy's defaults as named constants; no parsing and no
 * behaviour beyond small value checks. The parser fills it, the engine reads it.
 */
package io.bramble.lb.config;
