/**
 * Server health: the rise/fall state machine per server, its check results and admin state,
 * and the HTTP check's request and verdict. Pure: time comes from an injected Clock, results
 * come from the caller; the proxy package runs the checks on sockets.
 */
package io.bramble.lb.check;
