package dev.pilotgate.ruleset;

/**
 * Told of every reload attempt of a watched rule directory: activations and rejections.
 * Called on the watcher's thread, one event at a time; keep it quick. An exception thrown
 * here is logged and does not affect the reload.
 */
@FunctionalInterface
public interface RuleSetListener {
  void onEvent(RuleSetEvent event);
}
