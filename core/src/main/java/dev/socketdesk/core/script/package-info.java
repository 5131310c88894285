/**
 * Scripted device tests, shared by {@code socketdesk test} and the page: {@link
 * dev.socketdesk.core.script.Scripts} reads a YAML script into a {@link
 * dev.socketdesk.core.script.Suite} (or throws a one-line {@link
 * dev.socketdesk.core.script.ScriptException} naming {@code file:line:column}), {@link
 * dev.socketdesk.core.script.ScriptRunner} runs suites on engine sessions opened from the core's
 * session specs and reports each step to a {@link dev.socketdesk.core.script.RunListener}, {@link
 * dev.socketdesk.core.script.JunitReport} and {@link dev.socketdesk.core.script.JsonReport} write
 * the {@link dev.socketdesk.core.script.RunReport}, and {@link
 * dev.socketdesk.core.script.ScriptRecorder} turns a session's traffic into a script. The format is
 * in docs/scripts.md.
 */
package dev.socketdesk.core.script;
