/**
 * Cookie persistence ({@code cookie NAME insert|prefix|rewrite}): which server a request's
 * cookie names, and how request and response cookie headers are rewritten. Pure string work
 * on header values; the proxy applies the results.
 */
package io.bramble.lb.persist;
