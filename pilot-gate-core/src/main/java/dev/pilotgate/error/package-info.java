/**
 * {@link dev.pilotgate.error.PilotGateException}, the one root of pilot-gate's exceptions. The
 * lowest package: it depends on nothing else of pilot-gate, so every other package may use it.
 */
package dev.pilotgate.error;
