/**
 * The {@code bramble} command: parsing, help, exit codes and error reporting. Wiring only;
 * each capability's work lives in its own module.
 */
package io.bramble.cli;
