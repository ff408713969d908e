package dev.pilotgate.examples.cli;

import picocli.CommandLine.Option;

/**
 * {@code --trusted-rules}, shared by the commands that load a rules directory: turns the rule
 * checker off, as {@code GateEvaluator.builder().trustedRules(true)} does (docs/security.md).
 */
final class TrustedRulesOption {
  @Option(names = "--trusted-rules",
      description = "Trust the rules: the rule checker is off and they may run any Java in this process. "
          + "Logged as a warning at every load. Default: off.")
  boolean trusted;
}
