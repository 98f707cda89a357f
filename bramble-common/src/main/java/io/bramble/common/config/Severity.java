package io.bramble.common.config;

/** How bad a diagnostic is: an error stops the config from being used, a warning does not. */
public enum Severity {
    ERROR, WARNING
}
