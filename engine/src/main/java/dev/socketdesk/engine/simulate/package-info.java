/**
 * The device simulator: many simulated boards of one {@link dev.socketdesk.engine.simulate.Profile
 * profile} against a server, or one simulated server, with live {@link
 * dev.socketdesk.engine.simulate.Stats statistics} and a final {@link
 * dev.socketdesk.engine.simulate.Summary summary} whose errors are grouped by cause. Start with
 * {@link dev.socketdesk.engine.simulate.SimulationConfig#builder} and {@link
 * dev.socketdesk.engine.simulate.Simulation}.
 */
package dev.socketdesk.engine.simulate;
