/**
 * What every front end shares, so that the CLI, the HTTP API and test scripts parse, validate, word
 * failures and write events the same way. Depends on the engine only; web and app depend on it.
 */
package dev.socketdesk.core;
